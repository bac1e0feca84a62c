import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { cli } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '../..');

/** Resolves with the first stdout text that matches `pattern`. */
function waitForOutput(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match !== null) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`Output ended without ${pattern}: ${text}`)));
  });
}

describe('conftree serve', () => {
  it('serves the demo space until SIGTERM', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    try {
      const [, url] = await waitForOutput(child.stdout, /Serving DEMO at (http:\/\/127\.0\.0\.1:\d+)\//);
      const response = await fetch(`${url}/api/spaces/DEMO/tree?depth=1`);
      const document = await response.json();
      const home = await fetch(`${url}/`);

      expect(response.status).toBe(200);
      expect(document.space.key).toBe('DEMO');
      expect(document.roots.length).toBeGreaterThan(0);
      expect(home.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    const events = stderr.trim().split('\n').map((line) => (JSON.parse(line) as { event: string }).event);

    expect(code).toBe(0);
    expect(events).toEqual(['simulator-start', 'start', 'fetch', 'stop']);
  });

  it('rejects a missing space list', async () => {
    const run = await cli(['serve', '--site', 'http://127.0.0.1:9/wiki', '--port', '0']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conftree: error: No spaces given: pass the keys of the spaces to serve, such as --spaces DEV,OPS.\n');
  });

  it('rejects a missing site', async () => {
    const run = await cli(['serve', '--spaces', 'DEV', '--port', '0']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No Confluence site given: pass --site URL or set CONFLUENCE_URL');
  });

  it('rejects an invalid port', async () => {
    const run = await cli(['serve', '--spaces', 'DEV', '--site', 'http://127.0.0.1:9/wiki', '--port', '70000']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conftree: error: Invalid port 70000: use an integer from 0 to 65535 (0 picks a free port).\n');
  });

  it('rejects an empty --spaces', async () => {
    const run = await cli(['serve', '--spaces', ' , ', '--site', 'http://127.0.0.1:9/wiki']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--spaces expects space keys separated by commas, such as DEV,OPS; got " , ".');
  });
});
