import { Command, Option } from 'commander';
import { fetchSpaceTree } from '../../fetch/fetch-space-tree.js';
import type { FetchResult } from '../../fetch/types.js';
import { escapeControlCharacters, OUTPUT_FORMATS, renderTo, type OutputFormat } from '../../render/index.js';
import type { CliIo } from '../io.js';
import { createStderrLogger, type Verbosity } from '../logger.js';
import { createProgress } from '../progress.js';
import { resolveConnection, httpSettings, type ConnectionFlags, type HttpFlags } from '../settings.js';
import { parsePositiveInteger, parseStatuses } from '../parse.js';
import { writeResult } from '../write-result.js';
import { checkOutputPath } from '../output.js';
import { checkSnapshotFolder, writeSnapshot } from '../snapshot.js';
import { summaryLine, warningLines } from '../summary.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandOutcome } from '../outcome.js';

interface TreeFlags extends ConnectionFlags, HttpFlags {
  root?: string;
  depth?: number;
  format: OutputFormat;
  output?: string;
  force?: boolean;
  snapshot?: string;
  include?: string[];
  unreadable?: 'keep' | 'omit';
  showIds?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--site <url>', 'Confluence site URL, e.g. https://example.atlassian.net/wiki (default: $CONFLUENCE_URL)')
    .option('--user <name>', 'user name or Cloud account email (default: $CONFLUENCE_USERNAME)')
    .option('--api-token <token>', 'Cloud API token, used with --user; visible to other local users, prefer $CONFLUENCE_API_TOKEN')
    .option('--password <password>', 'Server password, used with --user; prefer $CONFLUENCE_PASSWORD')
    .option('--personal-token <token>', 'Data Center personal access token or Cloud OAuth access token; prefer $CONFLUENCE_PERSONAL_TOKEN')
    .addOption(new Option('--flavor <flavor>', 'API family of the site').choices(['auto', 'cloud', 'datacenter']).default('auto'))
    .option('--concurrency <n>', 'requests in flight at once', parsePositiveInteger('--concurrency'), 8)
    .option('--max-rps <n>', 'at most this many requests per second (default: no limit)', parsePositiveInteger('--max-rps'))
    .option('--timeout <seconds>', 'timeout of one request attempt, in seconds', parsePositiveInteger('--timeout'), 30)
    .option('--retries <n>', 'retries per request after the first attempt', parsePositiveInteger('--retries', 0), 5);
}

/** Defines `conftree tree SPACE_KEY`. */
export function treeCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  const command = new Command('tree')
    .description('Fetch the page tree of a space and print or export it.')
    .argument('<space-key>', 'key of the space, e.g. DEV')
    .option('--root <id>', 'print only the subtree below this page or folder id')
    .option('--depth <n>', 'print this many levels (1 = top level only)', parsePositiveInteger('--depth'))
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists')
    .option('--snapshot <dir>', 'also save the tree as JSON in this existing folder, named after the space and the fetch time, for conftree diff')
    .option('--include <statuses>', 'also list pages with these statuses, comma-separated: archived, draft, trashed', parseStatuses)
    .addOption(
      new Option('--unreadable <mode>', 'listed pages that answer 404 or 403 when read: keep them in the tree, or omit them and their subtrees')
        .choices(['keep', 'omit'])
        .default('keep'),
    )
    .option('--show-ids', 'append page ids to text output')
    .addOption(new Option('-q, --quiet', 'print nothing on stderr except errors').conflicts('verbose'))
    .option('-v, --verbose', 'explain flavor detection, retries and every warning on stderr');
  addConnectionOptions(command);

  command.action(async (spaceKey: string, flags: TreeFlags) => {
    done(await runTree(io, spaceKey, flags));
  });
  return command;
}

async function runTree(io: CliIo, spaceKey: string, flags: TreeFlags): Promise<CommandOutcome> {
  let verbosity: Verbosity = 'normal';
  if (flags.quiet === true) {
    verbosity = 'quiet';
  } else if (flags.verbose === true) {
    verbosity = 'verbose';
  }
  const logger = createStderrLogger(io, verbosity);
  const connection = resolveConnection(io.env, flags);
  if (flags.output !== undefined) {
    await checkOutputPath(flags.output, flags.force === true);
  }
  if (flags.snapshot !== undefined) {
    await checkSnapshotFolder(flags.snapshot);
  }
  const progress = createProgress(io, verbosity !== 'quiet');

  let result: FetchResult;
  try {
    result = await fetchSpaceTree({
      site: connection.site,
      credentials: connection.credentials,
      spaceKey,
      flavor: flags.flavor ?? 'auto',
      rootId: flags.root ?? null,
      maxDepth: flags.depth ?? null,
      statuses: ['current', ...(flags.include ?? [])],
      unreadable: flags.unreadable ?? 'keep',
      logger,
      onProgress: (event) => progress.update(event),
      http: httpSettings(flags, io),
    });
  } finally {
    progress.stop();
  }

  await writeResult(io, result, {
    format: flags.format,
    output: flags.output,
    force: flags.force === true,
    render: (format: OutputFormat, sink) =>
      renderTo(format, result, sink, {
        showIds: flags.showIds === true,
        onWarning: (message) => {
          if (verbosity !== 'quiet') io.stderr.write(`conftree: warning: ${message}\n`);
        },
      }),
  });
  if (flags.snapshot !== undefined) {
    const path = await writeSnapshot(flags.snapshot, result);
    if (verbosity !== 'quiet') {
      io.stderr.write(`conftree: snapshot written to ${escapeControlCharacters(path)}\n`);
    }
  }

  if (verbosity !== 'quiet') {
    for (const line of warningLines(result, verbosity === 'verbose')) {
      io.stderr.write(`${line}\n`);
    }
    io.stderr.write(`${summaryLine(result)}\n`);
  }
  return { exitCode: result.complete ? ExitCode.Ok : ExitCode.Incomplete };
}
