/**
 * The full soak: runs seeded fetches under random fault mixes against
 * simulators on 127.0.0.1 and prints the outcome counts, the faults injected
 * every run that returned a silently wrong tree, and the runs whose tree
 * mixes the states before and after a change that the crawl overlapped.
 *
 * Run: npm run soak -- [runs] [first-seed]   (default 1000 runs from seed 1)
 */
import { soak } from '../test/soak/soak-run.js';

const runs = Number(process.argv[2] ?? 1000);
const firstSeed = Number(process.argv[3] ?? 1);
const started = Date.now();
const results = await soak(firstSeed, runs, 4);

const outcomes: Record<string, number> = {};
const faults: Record<string, number> = {};
let requests = 0;
for (const result of results) {
  outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  for (const fault of result.faults) {
    faults[fault] = (faults[fault] ?? 0) + 1;
  }
  requests += result.requests;
}

console.log(`runs: ${results.length} (seeds ${firstSeed}-${firstSeed + runs - 1}), ${((Date.now() - started) / 1000).toFixed(1)} s, ${requests} requests`);
console.log(`outcomes: ${JSON.stringify(outcomes)}`);
console.log(`runs with each fault: ${JSON.stringify(faults)}`);
const reasons: Record<string, number> = {};
for (const result of results.filter((candidate) => candidate.outcome === 'flagged')) {
  reasons[result.detail] = (reasons[result.detail] ?? 0) + 1;
}
console.log(`flagged runs by warning codes: ${JSON.stringify(reasons)}`);
const bad = results.filter((result) => result.outcome === 'silent-difference' || result.outcome === 'wrong-reason');
console.log(`silent differences: ${outcomes['silent-difference'] ?? 0}, unexplained incompleteness: ${outcomes['wrong-reason'] ?? 0}`);
for (const result of bad) {
  console.log(JSON.stringify(result));
}
// A crawl that overlapped a change shows some pages before it and others after
// it. These runs are not failures, but they are listed so they can be studied.
for (const result of results.filter((candidate) => candidate.outcome === 'between-states')) {
  console.log(`${result.outcome}: ${JSON.stringify(result)}`);
}
process.exitCode = bad.length === 0 ? 0 : 1;
