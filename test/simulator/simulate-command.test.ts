import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli.js';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

async function spaceFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conftree-simulate-'));
  const path = join(dir, 'space.json');
  await writeFile(path, JSON.stringify(content));
  return path;
}

/** Runs `conftree simulate FLAGS` as a child process, passes its banner to `use`, then stops it. */
async function withSimulateProcess(flags: string[], use: (banner: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', ...flags], {
    cwd: REPOSITORY,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('CONFLUENCE_PASSWORD=')) {
          resolve(output);
        }
      });
      child.once('exit', (code) => reject(new Error(`simulate exited with ${code} before printing its banner: ${output}`)));
    });
    await use(banner);
  } finally {
    child.kill('SIGTERM');
  }
}

/** Returns the site URL and personal access token that a Data Center banner prints. */
function siteOf(banner: string): { url: string; token: string } {
  return {
    url: /^CONFLUENCE_URL=(.+)$/m.exec(banner)![1]!,
    token: /^CONFLUENCE_PERSONAL_TOKEN=(.+)$/m.exec(banner)![1]!,
  };
}

const FLAGS = [
  '--port', '--host', '--flavor', '--pages', '--seed', '--load', '--context-path', '--hidden', '--unreadable',
  '--fault-seed', '--latency', '--rate-limit', '--retry-after', '--rate-limit-bursts', '--server-errors',
  '--connection-resets', '--timeouts', '--slow-bodies', '--truncated-json', '--cap-sequence', '--ignore-offset',
  '--duplicate-across-pages', '--repeat-page', '--next-past-end', '--scramble-ancestors', '--missing-positions',
  '--html-login-page', '--mutations',
];

describe('conftree simulate', () => {
  test('context path without slash exits 2', async () => {
    const run = await cli(['simulate', '--flavor', 'datacenter', '--context-path', 'confluence']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--context-path "confluence"');
  });

  test('context path on Cloud exits 2', async () => {
    const run = await cli(['simulate', '--flavor', 'cloud', '--context-path', '/confluence']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Server and Data Center only');
  });

  test('busy port exits 2 with a fix', async () => {
    await withSimulateProcess(['--flavor', 'datacenter', '--pages', '20'], async (banner) => {
      const port = /127\.0\.0\.1:(\d+)/.exec(banner)![1]!;
      const run = await cli(['simulate', '--port', port]);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Port ${port}`);
      expect(run.stderr).toContain('--port 0');
    });
  });

  test('help documents every flag', async () => {
    const { code, stdout } = await cli(['simulate', '--help']);
    expect(code).toBe(0);
    for (const flag of FLAGS) {
      expect(stdout, flag).toContain(flag);
    }
    for (const flavor of ['cloud', 'datacenter', 'server-6.4', 'dc-7.19', 'dc-8.5', 'dc-9']) {
      expect(stdout).toContain(`"${flavor}"`);
    }
  });

  test('invalid space file exits 2', async () => {
    const path = await spaceFile({ key: 'X', pages: [{ id: '1', title: 'T', parentId: 7 }] });
    const { code, stderr } = await cli(['simulate', '--load', path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`conftree: error: ${path}: space.pages[0].parentId: expected a parent id string, or null for a top-level page; got 7.\n`);
  });

  test('unknown parent exits 2', async () => {
    const path = await spaceFile({ key: 'X', pages: [{ id: '1', title: 'T', parentId: '9' }] });
    const { code, stderr } = await cli(['simulate', '--load', path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`conftree: error: ${path}: Space X, node "1": parent 9 is not a node of this space.\n`);
  });

  test('unknown hidden id exits 2', async () => {
    const path = await spaceFile({ key: 'X', pages: [{ id: '1', title: 'T', parentId: null }] });
    const { code, stderr } = await cli(['simulate', '--load', path, '--hidden', '99']);
    expect(code).toBe(2);
    expect(stderr).toBe(`conftree: error: ${path}: Unknown node id "99" in permissions.hidden (--hidden): use ids of the served spaces' pages or folders.\n`);
  });

  test.each([
    ['--latency', 'slow', '--latency expects fixed:MS, uniform:MIN_MS:MAX_MS or long-tail:MEDIAN_MS:P99_MS; got "slow".'],
    ['--server-errors', '2', '--server-errors expects a share from 0 to 1, such as 0.05; got "2".'],
    ['--mutations', '5:3', '--mutations expects AFTER_REQUESTS:MOVES:DELETES, such as 5:3:2; got "5:3".'],
  ])('rejects %s %s', async (flag, value, message) => {
    const { code, stderr } = await cli(['simulate', flag, value]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('serves a loaded file', async () => {
    const path = await spaceFile({ key: 'OWN', pages: [{ id: '1', title: 'Home', parentId: null }, { id: '2', title: 'Child', parentId: '1' }] });
    await withSimulateProcess(['--flavor', 'dc-8.5', '--load', path], async (banner) => {
      expect(banner).toContain('Confluence Data Center 8.5 simulator listening on http://127.0.0.1:');
      const { url, token } = siteOf(banner);
      const response = await fetch(`${url}/rest/api/content/1/child/page`, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { results: { title: string }[] };
      expect(body.results.map((page) => page.title)).toEqual(['Child']);
    });
  }, 20_000);

  test('fault flags reach the server', async () => {
    const flags = ['--flavor', 'dc-9', '--pages', '20', '--rate-limit-bursts', '2:1', '--retry-after', '9223372036854775807'];
    await withSimulateProcess(flags, async (banner) => {
      const { url, token } = siteOf(banner);
      const request = () => fetch(`${url}/rest/api/space/DEMO`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await request()).status).toBe(200);
      const limited = await request();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('9223372036854775807');
    });
  }, 20_000);
});
