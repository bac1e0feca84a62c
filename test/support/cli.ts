import { runCli } from '../../src/cli/run.js';
import type { RunningSimulator } from '../../src/simulator/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams and the given environment only. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => void (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => void (stderr += chunk), isTTY: false },
    env,
  });
  return { code, stdout, stderr };
}

/** The environment a user pastes from the simulator's start-up banner. */
export function envFor(simulator: RunningSimulator): Record<string, string> {
  return simulator.flavor === 'cloud'
    ? {
        CONFLUENCE_URL: simulator.url,
        CONFLUENCE_USERNAME: simulator.credentials.username,
        CONFLUENCE_API_TOKEN: simulator.credentials.apiToken,
      }
    : { CONFLUENCE_URL: simulator.url, CONFLUENCE_PERSONAL_TOKEN: simulator.credentials.personalToken };
}
