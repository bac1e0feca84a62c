#!/usr/bin/env node
import { processIo } from './io.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './run.js';

// A reader that closes the pipe early, such as `head`, is not an error.
// Other failures of stdout that arrive after a write returned, such as a
// full disk, end the run with the output exit code and one line.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  process.stderr.write(`conftree: error: Could not write standard output: ${error.message}.\n`);
  process.exit(ExitCode.Output);
});

// The same holds for stderr when it goes into the same pipe (`2>&1 | head`).
// Nothing can be reported once stderr is gone, so any other failure of it ends
// the run quietly too.
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : ExitCode.Output);
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
