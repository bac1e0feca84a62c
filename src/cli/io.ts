/** The process streams and environment, injectable so tests can run the CLI in-process. */
export interface CliIo {
  stdout: { write(chunk: string): boolean | void; isTTY?: boolean };
  stderr: { write(chunk: string): boolean | void; isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Injectable fetch for the Confluence client; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
