import { runCli } from '../../src/cli/run.js';
import type { RunningSimulator } from '../../src/simulator/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const SECRET_VARIABLES = ['CONFLUENCE_API_TOKEN', 'CONFLUENCE_PASSWORD', 'CONFLUENCE_PERSONAL_TOKEN'];
const SECRET_FLAGS = ['--api-token', '--password', '--personal-token'];

/** Secrets a run was given: credential variables and flags, also as Basic header text. */
function secretsOf(argv: string[], env: Record<string, string | undefined>): string[] {
  const secrets = SECRET_VARIABLES.map((name) => env[name]);
  for (const flag of SECRET_FLAGS) {
    const index = argv.indexOf(flag);
    secrets.push(index >= 0 ? argv[index + 1] : undefined);
  }
  const present = secrets.filter((secret): secret is string => secret !== undefined && secret.length >= 6);
  const user = env['CONFLUENCE_USERNAME'];
  const encoded = user === undefined ? [] : present.map((secret) => Buffer.from(`${user}:${secret}`).toString('base64'));
  return [...present, ...encoded];
}

/**
 * Fails when any output of a run contains a secret it was given. Every CLI
 * run of the test suite goes through `cli()`, so every captured output is
 * scanned.
 */
function assertNoSecrets(run: CliRun, secrets: string[]): void {
  for (const secret of secrets) {
    if (run.stdout.includes(secret) || run.stderr.includes(secret)) {
      throw new Error(`A secret given to the CLI appeared in its output (${secret.length} characters, starting "${secret.slice(0, 2)}")`);
    }
  }
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
  const run = { code, stdout, stderr };
  assertNoSecrets(run, secretsOf(argv, env));
  return run;
}

/** Returns the environment a user pastes from the simulator's start-up banner. */
export function envFor(simulator: RunningSimulator): Record<string, string> {
  return simulator.flavor === 'cloud'
    ? {
        CONFLUENCE_URL: simulator.url,
        CONFLUENCE_USERNAME: simulator.credentials.username,
        CONFLUENCE_API_TOKEN: simulator.credentials.apiToken,
      }
    : { CONFLUENCE_URL: simulator.url, CONFLUENCE_PERSONAL_TOKEN: simulator.credentials.personalToken };
}
