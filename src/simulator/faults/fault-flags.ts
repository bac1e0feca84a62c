/**
 * Parsers for the fault values of `conftree simulate` flags. Each returns the
 * programmatic `Faults` value or throws an Error whose message names the
 * expected form, so the command line and the `faults` option share one meaning.
 */
import type { Faults, LatencyDistribution } from '../types.js';

function numbers(text: string, flag: string, form: string, count: number): number[] {
  const parts = text.split(':');
  const values = parts.map((part) => Number(part));
  if (parts.length !== count || parts.some((part) => part.trim() === '') || values.some((value) => !Number.isFinite(value) || value < 0)) {
    throw new Error(`${flag} expects ${form}; got "${text}".`);
  }
  return values;
}

/** `fixed:MS`, `uniform:MIN:MAX` or `long-tail:MEDIAN:P99`, all in milliseconds. */
export function parseLatency(text: string): LatencyDistribution {
  const form = 'fixed:MS, uniform:MIN_MS:MAX_MS or long-tail:MEDIAN_MS:P99_MS';
  const [kind = '', ...rest] = text.split(':');
  const values = rest.join(':');
  if (kind === 'fixed') {
    const [ms] = numbers(values, '--latency', form, 1);
    return { kind, ms: ms! };
  }
  if (kind === 'uniform') {
    const [minMs, maxMs] = numbers(values, '--latency', form, 2);
    return { kind, minMs: minMs!, maxMs: maxMs! };
  }
  if (kind === 'long-tail') {
    const [medianMs, p99Ms] = numbers(values, '--latency', form, 2);
    return { kind, medianMs: medianMs!, p99Ms: p99Ms! };
  }
  throw new Error(`--latency expects ${form}; got "${text}".`);
}

/** Returns a parser of a share from 0 to 1, such as 0.05. */
export function parseRate(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !(value >= 0 && value <= 1)) {
      throw new Error(`${flag} expects a share from 0 to 1, such as 0.05; got "${text}".`);
    }
    return value;
  };
}

/** `EVERY:LENGTH`: the last LENGTH requests of every EVERY get 429. */
export function parseBursts(text: string): { every: number; length: number } {
  const [every, length] = numbers(text, '--rate-limit-bursts', 'EVERY:LENGTH, such as 50:5', 2);
  return { every: every!, length: length! };
}

/** `RATE:CHUNK_BYTES:DELAY_MS`. */
export function parseSlowBodies(text: string): NonNullable<Faults['slowBodies']> {
  const [rate, chunkBytes, delayMs] = numbers(text, '--slow-bodies', 'RATE:CHUNK_BYTES:DELAY_MS, such as 0.1:512:50', 3);
  return { rate: rate!, chunkBytes: chunkBytes!, delayMs: delayMs! };
}

/** `AFTER_REQUESTS:MOVES:DELETES`. */
export function parseMutations(text: string): NonNullable<Faults['mutations']> {
  const [afterRequests, moves, deletes] = numbers(text, '--mutations', 'AFTER_REQUESTS:MOVES:DELETES, such as 5:3:2', 3);
  return { afterRequests: afterRequests!, moves: moves!, deletes: deletes! };
}

/** Returns a parser of comma-separated positive integers, such as 500,200. */
export function parseIntegerList(flag: string): (text: string) => number[] {
  return (text) => {
    const values = text.split(',').map((part) => Number(part.trim()));
    if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value <= 0)) {
      throw new Error(`${flag} expects comma-separated positive integers, such as 500,200; got "${text}".`);
    }
    return values;
  };
}

/** Returns a parser of comma-separated numeric ids, such as 65601,65602. */
export function parseIdList(flag: string): (text: string) => string[] {
  return (text) => {
    const ids = text.split(',').map((part) => part.trim());
    if (ids.some((id) => !/^[0-9]+$/.test(id))) {
      throw new Error(`${flag} expects comma-separated numeric page ids, such as 65601,65602; got "${text}".`);
    }
    return ids;
  };
}
