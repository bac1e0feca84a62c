/**
 * Bad-input cases of the `conftree` command line: each names the input, the
 * expected exit code and a fragment of the one-line message. The test suite
 * runs them, and `npm run reliability-table` prints them as the table in
 * RELIABILITY.md, so the documented messages are the ones the code prints.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type SpaceDefinition } from '../../src/simulator/index.js';
import { closedPort, fixed, startRawServer, type RawHandler, type RawServer } from '../support/raw-server.js';

export interface PreparedRun {
  argv: string[];
  env?: Record<string, string>;
}

export interface BadInputCase {
  name: string;
  exitCode: number;
  /** A fragment that the stderr message must contain. */
  message: string;
  /** A fragment that stdout must contain, for cases that succeed. */
  output?: string;
  prepare(world: BadInputWorld): Promise<PreparedRun>;
}

const LONG_TITLE = 'L'.repeat(64 * 1024);
const CONTROL_TITLE = 'Bell\u0007 escape\u001b[31m red\r\nnew line\ttab';

const ODD_SPACE: SpaceDefinition = {
  key: 'ODD',
  homepageId: '21',
  pages: [
    { id: '21', title: 'Home', parentId: null, position: 1 },
    { id: '22', title: CONTROL_TITLE, parentId: '21', position: 1 },
    { id: '23', title: LONG_TITLE, parentId: '21', position: 2 },
  ],
};

const SPACES: SpaceDefinition[] = [
  { key: 'GOOD', homepageId: '1', pages: [{ id: '1', title: 'Home', parentId: null, position: 1 }, { id: '2', title: 'Child', parentId: '1', position: 1 }] },
  { key: 'EMPTY', homepageId: null, pages: [] },
  { key: 'ONE', homepageId: '11', pages: [{ id: '11', title: 'Only page', parentId: null, position: 1 }] },
  ODD_SPACE,
];

/** Simulators, raw servers and folders that the cases use, started on demand and closed together. */
export class BadInputWorld {
  #cloud: Promise<RunningSimulator> | undefined;
  #datacenter: Promise<RunningSimulator> | undefined;
  #closers: Array<() => Promise<void>> = [];

  cloud(): Promise<RunningSimulator> {
    this.#cloud ??= this.#start('cloud');
    return this.#cloud;
  }

  datacenter(): Promise<RunningSimulator> {
    this.#datacenter ??= this.#start('datacenter');
    return this.#datacenter;
  }

  async #start(flavor: 'cloud' | 'datacenter'): Promise<RunningSimulator> {
    const simulator = await startSimulator({ flavor, spaces: SPACES });
    this.#closers.push(() => simulator.close());
    return simulator;
  }

  async raw(handler: RawHandler): Promise<RawServer> {
    const server = await startRawServer(handler);
    this.#closers.push(() => server.close());
    return server;
  }

  async folder(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'conftree-bad-input-'));
    this.#closers.push(() => rm(folder, { recursive: true, force: true }));
    return folder;
  }

  async close(): Promise<void> {
    await Promise.all(this.#closers.splice(0).map((close) => close()));
  }
}

function cloudEnv(simulator: RunningSimulator): Record<string, string> {
  return { CONFLUENCE_URL: simulator.url, CONFLUENCE_USERNAME: simulator.credentials.username, CONFLUENCE_API_TOKEN: simulator.credentials.apiToken };
}

function datacenterEnv(simulator: RunningSimulator): Record<string, string> {
  return { CONFLUENCE_URL: simulator.url, CONFLUENCE_PERSONAL_TOKEN: simulator.credentials.personalToken };
}

/** Prepares a run of `tree GOOD` against the Cloud simulator with extra arguments. */
function onCloud(...extra: string[]): (world: BadInputWorld) => Promise<PreparedRun> {
  return async (world) => ({ argv: ['tree', 'GOOD', ...extra], env: cloudEnv(await world.cloud()) });
}

/** Prepares a run of `tree DEV` against a raw server, with one retry so it fails fast. */
function onRaw(handler: RawHandler, ...extra: string[]): (world: BadInputWorld) => Promise<PreparedRun> {
  return async (world) => {
    const server = await world.raw(handler);
    return { argv: ['tree', 'DEV', '--site', `${server.url}/wiki`, '--flavor', 'cloud', '--retries', '1', ...extra] };
  };
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Log in</title></head><body><form action="/login"><input name="password"></form></body></html>';

export const BAD_INPUT_CASES: BadInputCase[] = [
  { name: 'site URL is not a URL', exitCode: 2, message: 'not a url', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'not a url'] }) },
  { name: 'site URL uses ftp', exitCode: 2, message: 'ftp://127.0.0.1/wiki', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'ftp://127.0.0.1/wiki'] }) },
  { name: 'site URL has a query', exitCode: 2, message: 'Invalid site URL', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'http://127.0.0.1:1/wiki?x=1'] }) },
  { name: 'site URL is a page URL', exitCode: 2, message: '/wiki/spaces/DEV/pages/1', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'https://example.atlassian.net/wiki/spaces/DEV/pages/1'] }) },
  { name: 'site URL has credentials', exitCode: 2, message: 'Invalid site URL', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'http://user:hunter2secret@127.0.0.1:1/wiki'] }) },
  { name: 'no site given', exitCode: 2, message: 'CONFLUENCE_URL', prepare: async () => ({ argv: ['tree', 'DEV'] }) },
  { name: 'empty site given', exitCode: 2, message: 'CONFLUENCE_URL', prepare: async () => ({ argv: ['tree', 'DEV', '--site', ''] }) },
  { name: 'space key with a blank', exitCode: 2, message: '"A B"', prepare: async () => ({ argv: ['tree', 'A B', '--site', 'http://127.0.0.1:1/wiki'] }) },
  { name: 'space key with a slash', exitCode: 2, message: '"A/B"', prepare: async () => ({ argv: ['tree', 'A/B', '--site', 'http://127.0.0.1:1/wiki'] }) },
  { name: 'space key with a quote', exitCode: 2, message: 'Invalid space key', prepare: async () => ({ argv: ['tree', 'A"B', '--site', 'http://127.0.0.1:1/wiki'] }) },
  { name: 'space key missing', exitCode: 2, message: 'space-key', prepare: async () => ({ argv: ['tree'] }) },
  { name: 'root id not numeric', exitCode: 2, message: '"abc"', prepare: async () => ({ argv: ['tree', 'DEV', '--root', 'abc', '--site', 'http://127.0.0.1:1/wiki'] }) },
  { name: 'depth zero', exitCode: 2, message: '--depth', prepare: async () => ({ argv: ['tree', 'DEV', '--depth', '0'] }) },
  { name: 'depth negative', exitCode: 2, message: '--depth', prepare: async () => ({ argv: ['tree', 'DEV', '--depth', '-1'] }) },
  { name: 'depth not a number', exitCode: 2, message: '"two"', prepare: async () => ({ argv: ['tree', 'DEV', '--depth', 'two'] }) },
  { name: 'unknown format', exitCode: 2, message: 'xml', prepare: async () => ({ argv: ['tree', 'DEV', '--format', 'xml'] }) },
  { name: 'unknown flavor', exitCode: 2, message: 'server', prepare: async () => ({ argv: ['tree', 'DEV', '--flavor', 'server'] }) },
  { name: 'unknown unreadable mode', exitCode: 2, message: 'keep, omit', prepare: async () => ({ argv: ['tree', 'DEV', '--unreadable', 'skip'] }) },
  { name: 'unknown status to include', exitCode: 2, message: '"deleted-ish"', prepare: async () => ({ argv: ['tree', 'DEV', '--include', 'deleted-ish'] }) },
  { name: 'concurrency zero', exitCode: 2, message: '--concurrency', prepare: async () => ({ argv: ['tree', 'DEV', '--concurrency', '0'] }) },
  { name: 'max-rps zero', exitCode: 2, message: '--max-rps', prepare: async () => ({ argv: ['tree', 'DEV', '--max-rps', '0'] }) },
  { name: 'timeout not a number', exitCode: 2, message: '--timeout', prepare: async () => ({ argv: ['tree', 'DEV', '--timeout', 'soon'] }) },
  { name: 'quiet with verbose', exitCode: 2, message: '--verbose', prepare: async () => ({ argv: ['tree', 'DEV', '--quiet', '--verbose'] }) },
  { name: 'misspelt option', exitCode: 2, message: '--format', prepare: async () => ({ argv: ['tree', 'DEV', '--fromat', 'csv'] }) },
  { name: 'user name without a secret', exitCode: 2, message: 'CONFLUENCE_API_TOKEN', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'http://127.0.0.1:1/wiki'], env: { CONFLUENCE_USERNAME: 'someone@example.com' } }) },
  { name: 'secret without a user name', exitCode: 2, message: 'CONFLUENCE_USERNAME', prepare: async () => ({ argv: ['tree', 'DEV', '--site', 'http://127.0.0.1:1/wiki'], env: { CONFLUENCE_API_TOKEN: 'orphan-token-5150' } }) },
  { name: 'drafts requested on Cloud', exitCode: 2, message: '"draft"', prepare: onCloud('--include', 'draft') },
  {
    name: 'Data Center forced on Cloud',
    exitCode: 2,
    message: '--flavor auto',
    prepare: onCloud('--flavor', 'datacenter'),
  },
  {
    name: 'Cloud forced on Data Center',
    exitCode: 2,
    message: '--flavor auto',
    prepare: async (world) => ({ argv: ['tree', 'GOOD', '--flavor', 'cloud'], env: datacenterEnv(await world.datacenter()) }),
  },
  {
    name: 'connection refused',
    exitCode: 6,
    message: 'ECONNREFUSED',
    prepare: async () => ({ argv: ['tree', 'DEV', '--site', `http://127.0.0.1:${await closedPort()}/wiki`] }),
  },
  {
    name: 'site that is not Confluence',
    exitCode: 5,
    message: 'No Confluence REST API found',
    prepare: async (world) => {
      const server = await world.raw(fixed(404, 'text/html', '<h1>Not found</h1>'));
      return { argv: ['tree', 'DEV', '--site', server.url] };
    },
  },
  {
    name: 'unknown space key',
    exitCode: 5,
    message: '"NOPE"',
    prepare: async (world) => ({ argv: ['tree', 'NOPE'], env: datacenterEnv(await world.datacenter()) }),
  },
  { name: 'unknown root page', exitCode: 5, message: 'Root page 999', prepare: onCloud('--root', '999') },
  {
    name: 'wrong API token (401)',
    exitCode: 4,
    message: '401',
    prepare: async (world) => ({ argv: ['tree', 'GOOD'], env: { ...cloudEnv(await world.cloud()), CONFLUENCE_API_TOKEN: 'wrong-token-31337' } }),
  },
  { name: 'permission denied (403)', exitCode: 4, message: '403', prepare: onRaw(fixed(403, 'application/json', '{"errors":[{"status":403,"code":"FORBIDDEN","title":"Forbidden","detail":null}]}')) },
  { name: 'endpoint removed (410)', exitCode: 2, message: '410', prepare: onRaw(fixed(410, 'application/json', '{"statusCode":410,"message":"This deprecated endpoint has been removed"}')) },
  { name: 'login page with status 200', exitCode: 6, message: 'login page', prepare: onRaw(fixed(200, 'text/html; charset=utf-8', LOGIN_PAGE)) },
  { name: 'body that is not JSON', exitCode: 6, message: 'JSON', prepare: onRaw(fixed(200, 'application/json', 'this is not json')) },
  { name: 'truncated JSON body', exitCode: 6, message: 'JSON', prepare: onRaw(fixed(200, 'application/json', '{"results":[{"id":"1","key":"DEV"')) },
  { name: 'JSON of another shape', exitCode: 6, message: '"results"', prepare: onRaw(fixed(200, 'application/json', '{"hello":"world"}')) },
  { name: 'server error (500)', exitCode: 6, message: '500', prepare: onRaw(fixed(500, 'text/plain', 'boom')) },
  {
    name: 'rate limited until retries run out (429)',
    exitCode: 6,
    message: '429',
    prepare: onRaw((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end('{"message":"Rate limited"}');
    }),
  },
  {
    name: 'server that never answers',
    exitCode: 6,
    message: 'timed out',
    prepare: onRaw(() => undefined, '--timeout', '1', '--retries', '0'),
  },
  {
    name: 'output file exists',
    exitCode: 7,
    message: '--force',
    prepare: async (world) => {
      const file = join(await world.folder(), 'tree.txt');
      await writeFile(file, 'keep me');
      return { argv: ['tree', 'GOOD', '--output', file], env: cloudEnv(await world.cloud()) };
    },
  },
  {
    name: 'snapshot folder missing',
    exitCode: 7,
    message: 'the --snapshot folder does not exist',
    prepare: async (world) => ({ argv: ['tree', 'GOOD', '--snapshot', join(await world.folder(), 'missing')], env: cloudEnv(await world.cloud()) }),
  },
  {
    name: 'output folder missing',
    exitCode: 7,
    message: 'folder does not exist',
    prepare: async (world) => ({ argv: ['tree', 'GOOD', '--output', join(await world.folder(), 'missing', 'tree.txt')], env: cloudEnv(await world.cloud()) }),
  },
  {
    name: 'output path is a folder',
    exitCode: 7,
    message: 'it is a folder',
    prepare: async (world) => ({ argv: ['tree', 'GOOD', '--output', await world.folder(), '--force'], env: cloudEnv(await world.cloud()) }),
  },
  {
    name: 'empty space',
    exitCode: 0,
    message: 'EMPTY: 0 nodes',
    output: 'EMPTY',
    prepare: async (world) => ({ argv: ['tree', 'EMPTY'], env: datacenterEnv(await world.datacenter()) }),
  },
  {
    name: 'space of one page',
    exitCode: 0,
    message: 'ONE: 1 node,',
    output: 'Only page',
    prepare: async (world) => ({ argv: ['tree', 'ONE'], env: cloudEnv(await world.cloud()) }),
  },
  {
    name: 'control characters and a 64 KB title',
    exitCode: 0,
    message: 'ODD: 3 nodes',
    output: 'Bell\\x07 escape\\x1b[31m red\\r\\nnew line\\ttab',
    prepare: async (world) => ({ argv: ['tree', 'ODD'], env: cloudEnv(await world.cloud()) }),
  },
];

/** Secrets that the cases pass in, none of which may ever be printed. */
export const CASE_SECRETS = ['hunter2secret', 'orphan-token-5150', 'wrong-token-31337'];
