/**
 * The fetch benchmark matrix: every peer crawl against the same simulated
 * spaces, for each flavor, size and latency. A cell runs only when its
 * predicted time fits the budgets. Otherwise its request count comes from the
 * space (exact, see `Peer.predictRequests`) and its wall time is an estimate,
 * marked as such.
 */
import { startSimulator, type RunningSimulator, type SimulatorFlavor } from '../src/simulator/index.js';
import { communityCqlPeer } from './peers/community-cql.js';
import { confluenceJsPeer } from './peers/confluence-js.js';
import { carefulSequentialPeer } from './peers/careful-sequential.js';
import { conftreePeer } from './peers/conftree.js';
import { naiveRecursivePeer } from './peers/naive-recursive.js';
import type { Peer } from './peers/types.js';
import { modelSpace, type SpaceModel } from './space-model.js';

export const PEERS: Peer[] = [conftreePeer, naiveRecursivePeer, communityCqlPeer, carefulSequentialPeer, confluenceJsPeer];

export interface MatrixSettings {
  sizes: number[];
  latenciesMs: number[];
  flavors: SimulatorFlavor[];
  /** A cell runs only when one run is predicted to take at most this long. */
  cellBudgetMs: number;
  /** A cell that runs is repeated `repeats` times when one run is predicted to take at most this long. */
  repeatBudgetMs: number;
  repeats: number;
  /** Cells that would end after this epoch time are not run. */
  deadline: number;
}

export interface Cell {
  flavor: SimulatorFlavor;
  size: number;
  latencyMs: number;
  peer: string;
  model: SpaceModel;
  requests: number;
  predictedRequests: number;
  /** Pages or nodes the crawl returned; undefined when not run. */
  nodes: number | undefined;
  bytes: number | undefined;
  /** Median wall time of the runs, or the estimate when `runs` is 0. */
  wallMs: number;
  /** Median CPU time (user and system) of this process during the runs, simulator included; undefined when not run. */
  cpuMs: number | undefined;
  runs: number;
}

/** Assumed local cost of one request, only to decide which cells fit the budgets; never reported. */
const SCHEDULING_MS_PER_REQUEST = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function runCell(simulator: RunningSimulator, peer: Peer, runs: number): Promise<{ requests: number; nodes: number; bytes: number; wallMs: number; cpuMs: number }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let last = { requests: 0, nodes: 0, bytes: 0 };
  for (let run = 0; run < runs; run += 1) {
    simulator.resetLog();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const outcome = await peer.crawl({ simulator, spaceKey: 'BENCH' });
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    last = { requests: simulator.requests.length, nodes: outcome.nodes, bytes: outcome.bytes };
  }
  return { ...last, wallMs: median(times), cpuMs: median(cpuTimes) };
}

/** Estimates an unrun cell's wall time from a run cell of the same peer, flavor and latency, else from the latency alone. */
function estimateWallMs(cells: Cell[], peer: Peer, flavor: SimulatorFlavor, latencyMs: number, requests: number): number {
  const measured = cells
    .filter((cell) => cell.peer === peer.name && cell.flavor === flavor && cell.latencyMs === latencyMs && cell.runs > 0)
    .sort((a, b) => b.requests - a.requests)[0];
  if (measured !== undefined) {
    return (measured.wallMs / measured.requests) * requests;
  }
  return (requests * latencyMs) / peer.concurrency;
}

async function measureSpace(settings: MatrixSettings, cells: Cell[], flavor: SimulatorFlavor, size: number, latencyMs: number, log: (line: string) => void): Promise<void> {
  const simulator = await startSimulator({ flavor, generate: { key: 'BENCH', pages: size, seed: 1, flavor }, faults: { latencyMs } });
  try {
    const model = modelSpace(simulator, 'BENCH');
    for (const peer of PEERS) {
      const predictedRequests = peer.predictRequests(model);
      const predictedMs = (predictedRequests * (latencyMs + SCHEDULING_MS_PER_REQUEST)) / peer.concurrency;
      const always = peer === conftreePeer;
      const fits = always || (predictedMs <= settings.cellBudgetMs && Date.now() + predictedMs < settings.deadline);
      let runs = 0;
      if (fits) {
        runs = predictedMs <= settings.repeatBudgetMs ? settings.repeats : 1;
      }

      const base = { flavor, size, latencyMs, peer: peer.name, model, predictedRequests };
      if (runs === 0) {
        const wallMs = estimateWallMs(cells, peer, flavor, latencyMs, predictedRequests);
        cells.push({ ...base, requests: predictedRequests, nodes: undefined, bytes: undefined, wallMs, cpuMs: undefined, runs });
        log(`${flavor} ${size} ${latencyMs} ms ${peer.name}: not run, ${predictedRequests} requests, about ${(wallMs / 1000).toFixed(1)} s`);
        continue;
      }
      const measured = await runCell(simulator, peer, runs);
      cells.push({ ...base, ...measured, runs });
      log(`${flavor} ${size} ${latencyMs} ms ${peer.name}: ${measured.requests} requests, ${measured.wallMs.toFixed(0)} ms (median of ${runs})`);
    }
  } finally {
    await simulator.close();
  }
}

/** Runs the whole matrix, one simulated space at a time, and returns its cells. */
export async function runMatrix(settings: MatrixSettings, log: (line: string) => void): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const flavor of settings.flavors) {
    for (const latencyMs of settings.latenciesMs) {
      for (const size of settings.sizes) {
        await measureSpace(settings, cells, flavor, size, latencyMs, log);
      }
    }
  }
  return cells;
}
