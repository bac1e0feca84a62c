import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

const SPACE = {
  key: 'USE',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    { id: '2', title: 'Child', parentId: '1', position: 1 },
  ],
};

/** Runs the built CLI in a shell pipeline and returns its exit status and stderr. */
function runPipeline(command: string): Promise<{ status: number; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { cwd: process.cwd() });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (status) => done({ status: status ?? -1, stderr, stdout }));
  });
}

describe('conftree tree usage errors', () => {
  it('rejects drafts on Cloud with exit 2', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const run = await cli(['tree', 'USE', '--include', 'draft'], envFor(simulator));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"draft"');
    expect(run.stderr).toContain('--include');
  });

  it('lists drafts on Data Center', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [SPACE] });
    const run = await cli(['tree', 'USE', '--include', 'draft'], envFor(simulator));

    expect(run.code).toBe(0);
  });

  it('rejects a folder as --output before fetching', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const folder = await mkdtemp(join(tmpdir(), 'conftree-out-'));
    const run = await cli(['tree', 'USE', '--output', folder, '--force'], envFor(simulator));

    expect(run.code).toBe(7);
    expect(run.stderr).toContain('it is a folder');
    expect(simulator.requests).toHaveLength(0);
  });

  it('rejects --quiet with --verbose', async () => {
    const run = await cli(['tree', 'USE', '--quiet', '--verbose', '--site', 'http://127.0.0.1:1/wiki']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--verbose');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the site path when the space is not found', async () => {
    const simulator = await simulate({ flavor: 'cloud', spaces: [SPACE] });
    const run = await cli(['tree', 'USE', '--site', simulator.origin], envFor(simulator));

    expect(run.code).toBe(5);
    expect(run.stderr).toContain('/wiki');
  });

  it('blames the Data Center call for a wrong password', async () => {
    const simulator = await simulate({ flavor: 'datacenter', spaces: [SPACE] });
    const env = { CONFLUENCE_URL: simulator.url, CONFLUENCE_USERNAME: simulator.credentials.username, CONFLUENCE_PASSWORD: 'wrong-password-77' };
    const run = await cli(['tree', 'USE'], env);

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('/rest/api/space/USE');
    expect(run.stderr).not.toContain('wrong-password-77');
  });

  it('exits quietly when stdout is closed early', async () => {
    const result = await runPipeline('node dist/cli/main.js demo --pages 3000 | head -n 1');

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toContain('Simulated Confluence');
  });

  it('exits quietly when stderr shares the closed pipe', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'BIG', pages: 3000, seed: 2, flavor: 'cloud' } });
    const env = Object.entries(envFor(simulator))
      .map(([name, value]) => `${name}='${value}'`)
      .join(' ');

    const result = await runPipeline(`${env} node dist/cli/main.js tree BIG --verbose 2>&1 | head -n 2`);

    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toContain('conftree: ');
  });
});
