import { Command, CommanderError } from 'commander';
import { isConftreeError, redactSecrets } from '../confluence/index.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { serveCommand } from './commands/serve.js';
import { simulateCommand } from './commands/simulate.js';
import { treeCommand } from './commands/tree.js';
import { exitCodeFor } from './error-exit.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import type { CliIo } from './io.js';
import type { CommandOutcome } from './outcome.js';
import { escapeControlCharacters } from '../render/escape-controls.js';
import { VERSION } from '../version.js';

function secretsIn(env: CliIo['env'], argv: readonly string[]): string[] {
  const secrets = [env['CONFLUENCE_API_TOKEN'], env['CONFLUENCE_PASSWORD'], env['CONFLUENCE_PERSONAL_TOKEN']];
  for (const flag of ['--api-token', '--password', '--personal-token']) {
    const index = argv.indexOf(flag);
    secrets.push(index >= 0 ? argv[index + 1] : undefined);
    const inline = argv.find((arg) => arg.startsWith(`${flag}=`));
    secrets.push(inline?.slice(flag.length + 1));
  }
  return secrets.filter((secret): secret is string => secret !== undefined && secret.length > 0);
}

/** Formats an error for stderr: one line, or the stack with --verbose, never a secret. */
function describeError(error: unknown, verbose: boolean, secrets: string[]): string {
  if (!(error instanceof Error)) {
    return escapeControlCharacters(redactSecrets(String(error), secrets));
  }
  // Expected failures explain themselves in one line; a stack helps only
  // with an unexpected one.
  if (verbose && !isConftreeError(error)) {
    return redactSecrets(error.stack ?? error.message, secrets);
  }
  return escapeControlCharacters(redactSecrets(error.message, secrets));
}

/** True for a write to a closed pipe, as when the output goes to `head`. */
function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * Runs the `conftree` command line in-process and returns its exit code.
 * Only the command line owns the console: it prints data on stdout, and
 * progress, warnings and errors on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  let outcome: CommandOutcome = { exitCode: ExitCode.Ok };
  const done = (result: CommandOutcome) => {
    outcome = result;
  };

  const program = new Command('conftree')
    .description('Fetch the complete page tree of a Confluence space, on Cloud and on Server/Data Center.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(`conftree: ${text.trim().replace(/\s*\n\s*/g, ' ')} Run with --help for usage.\n`),
    });
  for (const command of [treeCommand(io, done), diffCommand(io, done), demoCommand(io, done), simulateCommand(io, done), serveCommand(io, done)]) {
    program.addCommand(command.copyInheritedSettings(program));
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    if (isBrokenPipe(error)) {
      return outcome.exitCode;
    }
    if (error instanceof CommanderError) {
      // Commander has printed its message; help and version exit with 0.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }

    const verbose = argv.includes('--verbose') || argv.includes('-v');
    io.stderr.write(`conftree: error: ${describeError(error, verbose, secretsIn(io.env, argv))}\n`);
    return exitCodeFor(error);
  }
}
