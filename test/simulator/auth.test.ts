import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { basicAuth } from './helpers.js';

async function status(sim: RunningSimulator, path: string, authorization?: string): Promise<Response> {
  return fetch(new URL(path, sim.origin), { headers: authorization ? { Authorization: authorization } : {} });
}

describe('cloud authentication', () => {
  let sim: RunningSimulator;
  const path = '/wiki/api/v2/spaces?keys=DEMO';

  beforeAll(async () => {
    sim = await startSimulator({ flavor: 'cloud', generate: { pages: 20 } });
  });

  afterAll(async () => {
    await sim.close();
  });

  test('missing credentials give 401 v2 body', async () => {
    const response = await status(sim, path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized' });
  });

  test('Basic with email and API token passes', async () => {
    expect(sim.credentials.username).toBe('sim@example.com');
    expect((await status(sim, path, basicAuth(sim.credentials.username, sim.credentials.apiToken))).status).toBe(200);
  });

  test('Bearer token passes', async () => {
    expect((await status(sim, path, `Bearer ${sim.credentials.personalToken}`)).status).toBe(200);
  });

  test('wrong token gives 401', async () => {
    expect((await status(sim, path, basicAuth(sim.credentials.username, 'wrong'))).status).toBe(401);
    expect((await status(sim, path, 'Bearer wrong')).status).toBe(401);
  });

  test('password is rejected on cloud', async () => {
    expect((await status(sim, path, basicAuth(sim.credentials.username, sim.credentials.password))).status).toBe(401);
  });

  test('v1 path 401 uses v1 body', async () => {
    const response = await status(sim, '/wiki/rest/api/space/DEMO');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, reason: 'Unauthorized' });
  });

  test('401 is logged', () => {
    expect(sim.requests.some((entry) => entry.status === 401 && entry.path === '/wiki/api/v2/spaces')).toBe(true);
  });
});

describe('data center authentication', () => {
  let sim: RunningSimulator;
  const path = '/rest/api/space/DEMO';

  beforeAll(async () => {
    sim = await startSimulator({
      flavor: 'datacenter',
      generate: { pages: 20 },
      credentials: { username: 'jdoe', password: 'secret-pw', personalToken: 'pat-123' },
    });
  });

  afterAll(async () => {
    await sim.close();
  });

  test('configured credentials are reported', () => {
    expect(sim.credentials).toMatchObject({ username: 'jdoe', password: 'secret-pw', personalToken: 'pat-123' });
  });

  test('Basic with password passes', async () => {
    expect((await status(sim, path, basicAuth('jdoe', 'secret-pw'))).status).toBe(200);
  });

  test('Bearer personal token passes', async () => {
    expect((await status(sim, path, 'Bearer pat-123')).status).toBe(200);
  });

  test('wrong password gives 401 v1 body', async () => {
    const response = await status(sim, path, basicAuth('jdoe', 'nope'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ statusCode: 401, reason: 'Unauthorized', data: { authorized: false } });
  });

  test('API token is rejected on data center', async () => {
    expect((await status(sim, path, basicAuth('jdoe', sim.credentials.apiToken))).status).toBe(401);
  });
});

describe('listening address', () => {
  test('binds 127.0.0.1 by default', async () => {
    const sim = await startSimulator({ flavor: 'cloud', generate: { pages: 5 } });
    try {
      expect(new URL(sim.origin).hostname).toBe('127.0.0.1');
    } finally {
      await sim.close();
    }
  });

  test('non-loopback host is rejected', async () => {
    await expect(startSimulator({ flavor: 'cloud', host: '0.0.0.0' })).rejects.toThrow(/loopback addresses only/);
  });

  test('close twice is harmless', async () => {
    const sim = await startSimulator({ flavor: 'datacenter', generate: { pages: 5 } });
    await sim.close();
    await expect(sim.close()).resolves.toBeUndefined();
  });
});
