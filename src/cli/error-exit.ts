import { CommanderError } from 'commander';
import { isConftreeError, isHttpStatusError } from '../confluence/index.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';

const EXIT_BY_CODE: Record<string, ExitCodeValue> = {
  'invalid-option': ExitCode.Usage,
  'invalid-site-url': ExitCode.Usage,
  'invalid-credentials-config': ExitCode.Usage,
  'space-not-found': ExitCode.NotFound,
  'root-not-found': ExitCode.NotFound,
  'not-confluence': ExitCode.NotFound,
  'wrong-flavor': ExitCode.Usage,
  'output-exists': ExitCode.Output,
  'output-failed': ExitCode.Output,
};

/** Maps an error to the documented exit code. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CommanderError) {
    return ExitCode.Usage;
  }
  if (isHttpStatusError(error)) {
    if (error.status === 401 || error.status === 403) return ExitCode.Auth;
    if (error.status === 404 || error.status === 410) return ExitCode.NotFound;
    return ExitCode.Remote;
  }
  if (isConftreeError(error)) {
    return EXIT_BY_CODE[error.code] ?? ExitCode.Remote;
  }
  return ExitCode.Internal;
}
