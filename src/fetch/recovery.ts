/**
 * Warnings that a fallback settled. They stay in the result, so a user sees
 * what went wrong and what repaired it, but no longer make it incomplete.
 */
import type { FetchWarning } from './types.js';

/** Returns a copy of `warning` that no longer affects completeness and names the fallbacks that settled it. */
export function markRecovered(warning: FetchWarning, fallbacks: readonly string[]): FetchWarning {
  const sources = fallbacks.join(', ');
  return {
    ...warning,
    message: `${warning.message} Recovered: the tree was read again with ${sources}.`,
    affectsCompleteness: false,
    details: { ...warning.details, recoveredBy: [...fallbacks] },
  };
}

/** A context's `warn` that keeps warnings back, so a fallback can settle them before they are reported. */
export class HeldWarnings {
  readonly warnings: FetchWarning[] = [];

  readonly warn = (warning: FetchWarning): void => {
    this.warnings.push(warning);
  };

  /** Returns the warnings that make the result incomplete. */
  doubts(): FetchWarning[] {
    return this.warnings.filter((warning) => warning.affectsCompleteness);
  }
}
