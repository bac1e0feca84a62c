/**
 * Structured logs of the server: one JSON object per line, with `time`,
 * `level` and `event` first. Callers pass no secrets, and site URLs go
 * through `redactUrl` before they are logged.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | string[] | undefined>;

export type ServerLog = (level: LogLevel, event: string, fields?: LogFields) => void;

/** Returns a log that writes each entry as one JSON line to `write`. */
export function createServerLog(write: (line: string) => void): ServerLog {
  return (level, event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  };
}

/** Writes each line to stderr. */
export function stderrLine(line: string): void {
  process.stderr.write(`${line}\n`);
}
