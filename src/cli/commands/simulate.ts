import { Command, Option } from 'commander';
import { formatBanner, startSimulator } from '../../simulator/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandOutcome } from '../outcome.js';
import { parsePositiveInteger } from '../parse.js';

interface SimulateFlags {
  port: number;
  host: string;
  flavor: 'cloud' | 'datacenter';
  pages: number;
  seed: number;
  contextPath?: string;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Defines `conftree simulate`: a simulated Confluence until interrupted. */
export function simulateCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  return new Command('simulate')
    .description('Serve a simulated Confluence site with a generated space on a loopback port, until interrupted.')
    .option('--port <port>', 'TCP port; 0 picks a free one', parsePositiveInteger('--port', 0), 0)
    .addOption(new Option('--host <host>', 'loopback address to bind').choices(LOOPBACK_HOSTS).default('127.0.0.1'))
    .addOption(new Option('--flavor <flavor>', 'simulated Confluence flavor').choices(['cloud', 'datacenter']).default('cloud'))
    .option('--pages <n>', 'number of nodes in the generated space', parsePositiveInteger('--pages'), 300)
    .option('--seed <n>', 'seed of the generated space', parsePositiveInteger('--seed', 0), 1)
    .option('--context-path <path>', 'Data Center context path, such as /confluence (default: none)')
    .action(async (flags: SimulateFlags) => {
      done(await runSimulate(io, flags));
    });
}

async function runSimulate(io: CliIo, flags: SimulateFlags): Promise<CommandOutcome> {
  const simulator = await startSimulator({
    flavor: flags.flavor,
    host: flags.host,
    port: flags.port,
    contextPath: flags.contextPath,
    generate: { key: 'DEMO', pages: flags.pages, seed: flags.seed, flavor: flags.flavor },
  });
  io.stdout.write(`${formatBanner(simulator)}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await simulator.close();
  io.stderr.write('conftree: simulator stopped\n');
  return { exitCode: ExitCode.Ok };
}
