import { describe, expect, it } from 'vitest';

import { startServer } from '../../src/server/index.js';
import { DOCS_SPACE } from './support/docs-space.js';
import { eventsOf, serveSimulator } from './support/serve.js';

describe('server safety', () => {
  it('binds 127.0.0.1 by default', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    for (const path of ['/', '/api/spaces', '/assets/conftree.js']) {
      const response = await fetch(`${server.url}${path}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain("default-src 'none'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("style-src 'self'");
      expect(policy, path).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('home page has no inline script', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const page = await (await fetch(`${server.url}/`)).text();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain('src="/assets/conftree.js"');
    expect(scripts[0]![2]).toBe('');
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('rejects a foreign Host header', async () => {
    const { server, simulator } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    // Node's fetch does not let a caller set Host, so this request goes through node:http.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(`${server.url}/api/spaces/DOCS/tree`, { headers: { Host: 'rebound.example:80' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

    expect(status).toBe(421);
    expect(simulator.requests).toHaveLength(0);
  });

  it('ignores a site given in a request', async () => {
    const { server, simulator } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });
    const other = encodeURIComponent('http://127.0.0.1:9/wiki');

    const response = await fetch(`${server.url}/api/spaces/DOCS/tree?site=${other}&url=${other}`);

    expect(response.status).toBe(200);
    expect(simulator.requests.length).toBeGreaterThan(0);
  });

  it('rejects a cross-site form post to refresh', async () => {
    const { server, logs } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const response = await fetch(`${server.url}/api/spaces/DOCS/refresh`, {
      method: 'POST',
      headers: { Origin: 'http://attacker.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });

    expect(response.status).toBe(403);
    expect(eventsOf(logs, 'fetch')).toHaveLength(0);
  });

  it('escapes submitted values on the demo result page', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const page = await (await fetch(`${server.url}/demo/submitted?page=102&page=${encodeURIComponent('<b>x</b>')}`)).text();

    expect(page).toContain('<output>102</output>');
    expect(page).toContain('<output>&lt;b&gt;x&lt;/b&gt;</output>');
    expect(page).toContain('The form sent 2 values');
  });

  it('serves the bundle with an ETag', async () => {
    const { server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] });

    const first = await fetch(`${server.url}/assets/conftree.js`);
    const body = await first.text();
    const again = await fetch(`${server.url}/assets/conftree.js`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });

    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(body).toContain('conftree-picker');
    expect(again.status).toBe(304);
  });
});

describe('server logs', () => {
  it('logs start, fetch and stop as JSON lines', async () => {
    const lines: string[] = [];
    const { simulator, server } = await serveSimulator({ flavor: 'cloud', spaces: [DOCS_SPACE] }, { log: (line) => lines.push(line) });

    await fetch(`${server.url}/api/spaces/DOCS/tree`);
    await server.close();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);

    expect(entries.map((entry) => entry['event'])).toEqual(['start', 'fetch', 'stop']);
    expect(entries[0]).toMatchObject({ level: 'info', url: server.url, spaces: ['DOCS'], loopbackOnly: true });
    expect(entries[1]).toMatchObject({ level: 'info', space: 'DOCS', nodes: 10, complete: true });
    expect(typeof entries[1]!['durationMs']).toBe('number');
    for (const entry of entries) {
      expect(typeof entry['time']).toBe('string');
    }
    const text = lines.join('\n');
    expect(text).not.toContain(simulator.credentials.apiToken);
    expect(text).not.toContain(simulator.credentials.username);
  });

  it('logs no credentials in the site URL', async () => {
    const lines: string[] = [];
    const server = await startServer({ site: 'https://user:s3cret-pass@confluence.example.com/wiki', spaces: ['DEV'], log: (line) => lines.push(line) });
    await server.close();

    expect(lines.join('\n')).not.toContain('s3cret-pass');
    expect(JSON.parse(lines[0]!).site).toBe('https://***@confluence.example.com/wiki');
  });

  it('rejects an empty space list', async () => {
    await expect(startServer({ site: 'https://confluence.example.com', spaces: [], log: () => {} })).rejects.toThrow(
      'No spaces given: pass the keys of the spaces to serve, such as --spaces DEV,OPS.',
    );
  });
});
