import { Command, Option } from 'commander';
import { fetchSpaceTree } from '../../fetch/fetch-space-tree.js';
import { renderTo } from '../../render/index.js';
import { startSimulator } from '../../simulator/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandOutcome } from '../outcome.js';
import { parsePositiveInteger } from '../parse.js';
import { summaryLine, warningLines } from '../summary.js';

interface DemoFlags {
  flavor: 'cloud' | 'datacenter';
  pages: number;
  seed: number;
}

/** Defines `conftree demo`: the simulator and the fetcher in one process. */
export function demoCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  return new Command('demo')
    .description('Start the built-in Confluence simulator on a free loopback port, fetch its demo space and print the tree.')
    .addOption(new Option('--flavor <flavor>', 'simulated Confluence flavor').choices(['cloud', 'datacenter']).default('cloud'))
    .option('--pages <n>', 'number of nodes in the simulated space', parsePositiveInteger('--pages'), 120)
    .option('--seed <n>', 'seed of the generated space', parsePositiveInteger('--seed', 0), 7)
    .action(async (flags: DemoFlags) => {
      done(await runDemo(io, flags));
    });
}

async function runDemo(io: CliIo, flags: DemoFlags): Promise<CommandOutcome> {
  const simulator = await startSimulator({
    flavor: flags.flavor,
    generate: { key: 'DEMO', pages: flags.pages, seed: flags.seed, flavor: flags.flavor },
  });

  try {
    const credentials =
      flags.flavor === 'cloud'
        ? { kind: 'basic' as const, username: simulator.credentials.username, secret: simulator.credentials.apiToken }
        : { kind: 'bearer' as const, token: simulator.credentials.personalToken };
    const result = await fetchSpaceTree({ site: simulator.url, spaceKey: 'DEMO', credentials });

    io.stdout.write(`Simulated Confluence ${flags.flavor} at ${simulator.url}\n\n`);
    await renderTo('text', result, { write: (chunk) => void io.stdout.write(chunk) });
    io.stdout.write('\n');
    for (const line of warningLines(result, false)) {
      io.stdout.write(`${line}\n`);
    }
    io.stdout.write(`${summaryLine(result).replace(/^conftree: /, '')}\n`);
    return { exitCode: result.complete ? ExitCode.Ok : ExitCode.Incomplete };
  } finally {
    await simulator.close();
  }
}
