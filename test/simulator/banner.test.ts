import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatBanner, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

describe('formatBanner', () => {
  let cloud: RunningSimulator;
  let dataCenter: RunningSimulator;

  beforeAll(async () => {
    cloud = await startSimulator({ flavor: 'cloud', generate: { key: 'DOCS', pages: 50 } });
    dataCenter = await startSimulator({ flavor: 'datacenter', contextPath: '/confluence', generate: { pages: 50 } });
  });

  afterAll(async () => {
    await cloud.close();
    await dataCenter.close();
  });

  test('cloud banner has API token lines', () => {
    const lines = formatBanner(cloud).split('\n');
    expect(lines[0]).toContain(cloud.url);
    expect(lines.some((line) => line.includes('DOCS') && line.includes(`${cloud.spaces[0]!.visibleCount} visible`))).toBe(true);
    expect(lines).toContain(`CONFLUENCE_URL=${cloud.origin}/wiki`);
    expect(lines).toContain(`CONFLUENCE_USERNAME=${cloud.credentials.username}`);
    expect(lines).toContain(`CONFLUENCE_API_TOKEN=${cloud.credentials.apiToken}`);
    expect(lines.some((line) => line.startsWith('CONFLUENCE_PASSWORD='))).toBe(false);
  });

  test('cloud banner counts empty folders as visible nodes', async () => {
    const space = {
      key: 'BOX',
      homepageId: '1',
      pages: [
        { id: '1', title: 'Home', parentId: null },
        { id: '2', title: 'Empty folder', parentId: '1', type: 'folder' as const },
        { id: '3', title: 'Full folder', parentId: '1', type: 'folder' as const },
        { id: '4', title: 'Page in it', parentId: '3' },
      ],
    };
    const simulator = await startSimulator({ flavor: 'cloud', spaces: [space] });
    try {
      expect(formatBanner(simulator).split('\n')).toContain(`  space BOX "BOX space": 4 visible nodes, home page 1`);
    } finally {
      await simulator.close();
    }
  });

  test('data center banner has token and password lines', () => {
    const lines = formatBanner(dataCenter).split('\n');
    expect(lines).toContain(`CONFLUENCE_URL=${dataCenter.origin}/confluence`);
    expect(lines).toContain(`CONFLUENCE_PERSONAL_TOKEN=${dataCenter.credentials.personalToken}`);
    expect(lines).toContain(`CONFLUENCE_USERNAME=${dataCenter.credentials.username}`);
    expect(lines).toContain(`CONFLUENCE_PASSWORD=${dataCenter.credentials.password}`);
    expect(lines.some((line) => line.startsWith('CONFLUENCE_API_TOKEN='))).toBe(false);
  });

  test('banner URL works with the listed credentials', async () => {
    const url = formatBanner(dataCenter)
      .split('\n')
      .find((line) => line.startsWith('CONFLUENCE_URL='))!
      .slice('CONFLUENCE_URL='.length);
    const response = await fetch(`${url}/rest/api/space/DEMO`, {
      headers: { Authorization: `Bearer ${dataCenter.credentials.personalToken}` },
    });
    expect(response.status).toBe(200);
  });
});
