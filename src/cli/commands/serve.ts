import { Command, InvalidArgumentError } from 'commander';

import type { Credentials } from '../../confluence/types.js';
import { startServer, type RunningServer } from '../../server/index.js';
import { createServerLog } from '../../server/log.js';
import { startSimulator, type RunningSimulator } from '../../simulator/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandOutcome } from '../outcome.js';
import { parsePositiveInteger } from '../parse.js';
import { httpSettings, resolveConnection, type ConnectionFlags, type HttpFlags } from '../settings.js';
import { addConnectionOptions } from './tree.js';

interface ServeFlags extends ConnectionFlags, HttpFlags {
  port: number;
  host: string;
  spaces?: string[];
  maxAge: number;
  demo?: boolean;
  demoPages: number;
}

/** Key of the space that `--demo` generates. */
const DEMO_SPACE = 'DEMO';

function parseSpaceKeys(value: string): string[] {
  const keys = value.split(',').map((key) => key.trim()).filter((key) => key !== '');
  if (keys.length === 0) {
    throw new InvalidArgumentError(`--spaces expects space keys separated by commas, such as DEV,OPS; got "${value}".`);
  }
  return keys;
}

/** Defines `conftree serve`: the tree API and the web components over HTTP, until interrupted. */
export function serveCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  const command = new Command('serve')
    .description('Serve the page trees of spaces as a JSON API and a web page with a tree view and a page picker, until interrupted.')
    .option('--port <port>', 'TCP port; 0 picks a free one', parsePositiveInteger('--port', 0), 8080)
    .option('--host <address>', 'address to bind; anything but a loopback address exposes the trees to the network', '127.0.0.1')
    .option('--spaces <keys>', 'comma-separated keys of the spaces to serve, such as DEV,OPS (required unless --demo)', parseSpaceKeys)
    .option('--max-age <seconds>', 'serve a fetched tree for this many seconds before fetching it again', parsePositiveInteger('--max-age', 0), 300)
    .option('--demo', `serve the ${DEMO_SPACE} space of the built-in simulator, started on a loopback port, instead of a real site`)
    .option('--demo-pages <n>', 'number of nodes in the --demo space', parsePositiveInteger('--demo-pages'), 300);
  addConnectionOptions(command);

  command.action(async (flags: ServeFlags) => {
    done(await runServe(io, flags));
  });
  return command;
}

async function runServe(io: CliIo, flags: ServeFlags): Promise<CommandOutcome> {
  const writeLine = (line: string) => void io.stderr.write(`${line}\n`);
  const log = createServerLog(writeLine);
  const retryLogger = {
    debug() {},
    info: (message: string) => log('warn', 'retry', { message }),
    warn: (message: string) => log('warn', 'fetch-warning', { message }),
  };

  let simulator: RunningSimulator | undefined;
  let server: RunningServer | undefined;
  try {
    let site: string;
    let credentials: Credentials | undefined;
    let spaces: string[];
    if (flags.demo === true) {
      simulator = await startSimulator({ flavor: 'cloud', generate: { key: DEMO_SPACE, pages: flags.demoPages, seed: 7, flavor: 'cloud' } });
      site = simulator.url;
      credentials = { kind: 'basic', username: simulator.credentials.username, secret: simulator.credentials.apiToken };
      spaces = [DEMO_SPACE];
      const visible = simulator.spaces.find((space) => space.key === DEMO_SPACE)?.visibleCount;
      log('info', 'simulator-start', { url: simulator.url, space: DEMO_SPACE, nodes: flags.demoPages, visibleNodes: visible });
    } else {
      ({ site, credentials } = resolveConnection(io.env, flags));
      spaces = flags.spaces ?? [];
    }

    server = await startServer({
      site,
      credentials,
      flavor: flags.demo === true ? 'cloud' : (flags.flavor ?? 'auto'),
      spaces,
      host: flags.host,
      port: flags.port,
      maxAgeMs: flags.maxAge * 1000,
      http: httpSettings(flags, io, retryLogger),
      log: writeLine,
    });
    io.stdout.write(`Serving ${spaces.join(', ')} at ${server.url}/ (press Ctrl+C to stop)\n`);

    await waitForStopSignal();
    return { exitCode: ExitCode.Ok };
  } finally {
    await server?.close();
    await simulator?.close();
  }
}

function waitForStopSignal(): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
