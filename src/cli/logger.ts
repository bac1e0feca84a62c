import type { Logger } from '../confluence/types.js';
import type { CliIo } from './io.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

function formatFields(fields: Record<string, unknown> | undefined): string {
  if (fields === undefined) {
    return '';
  }
  const parts = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Creates a logger that writes to stderr: debug and info lines only with --verbose,
 * warnings unless --quiet. The library passes no secrets to it.
 */
export function createStderrLogger(io: CliIo, verbosity: Verbosity): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    io.stderr.write(`conftree: ${level}${message}${formatFields(fields)}\n`);
  };
  return {
    debug: (message, fields) => {
      if (verbosity === 'verbose') write('', message, fields);
    },
    info: (message, fields) => {
      if (verbosity === 'verbose') write('', message, fields);
    },
    warn: (message, fields) => {
      if (verbosity === 'verbose') write('warning: ', message, fields);
    },
  };
}
