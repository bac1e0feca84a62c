import type { ExitCodeValue } from './exit-codes.js';

export interface CommandOutcome {
  exitCode: ExitCodeValue;
}
