import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

let plainServer: Server | undefined;

afterEach(async () => {
  await new Promise((closed) => (plainServer === undefined ? closed(undefined) : plainServer.close(closed)));
  plainServer = undefined;
});

/** Starts a loopback web server that is not Confluence: every path is an HTML 404. */
async function startPlainSite(): Promise<string> {
  plainServer = createServer((_request, response) => {
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Not found</title><h1>Nothing here</h1>');
  });
  await new Promise<void>((ready) => plainServer!.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(plainServer.address() as AddressInfo).port}`;
}

describe('conftree tree against broken sites', () => {
  it('explains an SSO login page answered with 200', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'SSO', pages: 20 }, faults: { htmlLoginPage: true } });
    const run = await cli(['tree', 'SSO', '--flavor', 'cloud'], envFor(simulator));

    expect(run.code).toBe(6);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.toLowerCase()).toContain('login page');
  });

  it('says when the site is not Confluence', async () => {
    const site = await startPlainSite();
    const run = await cli(['tree', 'DEV', '--site', site], {});

    expect(run.code).toBe(5);
    expect(run.stderr).toContain('No Confluence REST API found');
    expect(run.stderr).toContain(site);
  });

  it('rejects a non-HTTP site URL with exit 2', async () => {
    const run = await cli(['tree', 'DEV', '--site', 'ftp://127.0.0.1/wiki'], {});

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ftp://127.0.0.1/wiki');
  });

  it('rejects an invalid space key with exit 2', async () => {
    const run = await cli(['tree', 'A B', '--site', 'http://127.0.0.1:1/wiki'], {});

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"A B"');
  });
});
