import { InvalidArgumentError } from 'commander';

const INCLUDABLE = ['archived', 'draft', 'trashed'];

/** Returns a commander parser that accepts whole numbers from `min` up. */
export function parsePositiveInteger(flag: string, min = 1): (value: string) => number {
  return (value: string) => {
    const trimmed = value.trim();
    const parsed = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`${flag} expects a whole number, ${min} or more; got "${value}".`);
    }
    return parsed;
  };
}

export function parseStatuses(value: string): string[] {
  const statuses = value.split(',').map((status) => status.trim().toLowerCase()).filter((status) => status !== '');
  for (const status of statuses) {
    if (!INCLUDABLE.includes(status)) {
      throw new InvalidArgumentError(`--include expects ${INCLUDABLE.join(', ')} (comma-separated); got "${status}".`);
    }
  }
  return statuses;
}
