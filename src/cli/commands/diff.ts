import { Command, Option } from 'commander';
import { compareSnapshots, DIFF_FORMATS, hasChanges, loadSnapshot, renderDiff, SnapshotError, type DiffFormat } from '../../diff/index.js';
import { escapeControlCharacters } from '../../render/escape-controls.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandOutcome } from '../outcome.js';

interface DiffFlags {
  format: DiffFormat;
}

/** Defines `conftree diff OLD.json NEW.json`. */
export function diffCommand(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  const command = new Command('diff')
    .description('Compare two JSON snapshots of one space: pages added, removed, moved, renamed and reordered. Exits with 0 when nothing changed and 8 when something did.')
    .argument('<old>', 'older snapshot, written by conftree tree --format json or --snapshot DIR')
    .argument('<new>', 'newer snapshot of the same space')
    .addOption(new Option('--format <format>', 'report format').choices(DIFF_FORMATS).default('text'));

  command.action(async (oldFile: string, newFile: string, flags: DiffFlags) => {
    done(await runDiff(io, oldFile, newFile, flags));
  });
  return command;
}

async function runDiff(io: CliIo, oldFile: string, newFile: string, flags: DiffFlags): Promise<CommandOutcome> {
  let report: string;
  let changed: boolean;
  try {
    const [older, newer] = await Promise.all([loadSnapshot(oldFile), loadSnapshot(newFile)]);
    const diff = compareSnapshots(older, newer);
    report = renderDiff(flags.format, diff);
    changed = hasChanges(diff);

    if (!older.complete) {
      io.stderr.write(`conftree: warning: ${escapeControlCharacters(oldFile)} is incomplete, so pages missing from it show as added.\n`);
    }
    if (!newer.complete) {
      io.stderr.write(`conftree: warning: ${escapeControlCharacters(newFile)} is incomplete, so pages missing from it show as removed.\n`);
    }
  } catch (error) {
    if (!(error instanceof SnapshotError)) {
      throw error;
    }
    io.stderr.write(`conftree: error: ${escapeControlCharacters(error.message)}\n`);
    return { exitCode: ExitCode.Usage };
  }

  io.stdout.write(report);
  return { exitCode: changed ? ExitCode.Changed : ExitCode.Ok };
}
