/**
 * The benchmark reports exact request counts for cells it does not run, from
 * each crawl's `predictRequests`. These tests run every crawl on small spaces
 * and check the prediction against the requests the simulator served.
 */
import { describe, expect, it } from 'vitest';
import { PEERS } from '../../bench/matrix.js';
import { modelSpace, type SpaceModel } from '../../bench/space-model.js';
import { simulate } from '../support/simulator.js';

/**
 * Nodes each crawl returns. The naive crawl starts from the top-level pages,
 * so on Cloud it misses what sits under a top-level folder; conftree returns
 * every node, containers included.
 */
function expectedNodes(peer: string, model: SpaceModel): number {
  if (peer === 'naive recursive') {
    return model.reachableChildCounts.length;
  }
  return peer === 'conftree' ? model.nodes : model.pages;
}

describe.each(['cloud', 'datacenter'] as const)('benchmark crawls on %s', (flavor) => {
  it.each(PEERS.map((peer) => [peer.name, peer] as const))('%s sends the predicted requests', async (_name, peer) => {
    const simulator = await simulate({ flavor, generate: { key: 'BENCH', pages: 400, seed: 3, flavor } });
    const model = modelSpace(simulator, 'BENCH');

    const outcome = await peer.crawl({ simulator, spaceKey: 'BENCH' });

    expect(simulator.requests.length).toBe(peer.predictRequests(model));
    expect(simulator.requests.filter((request) => request.status !== 200 && !request.path.endsWith('/api/v2/spaces'))).toEqual([]);
    expect(outcome.nodes).toBe(expectedNodes(peer.name, model));
    expect(outcome.bytes).toBeGreaterThan(0);
  });
});
