import { renderTo, type OutputFormat } from '../render/index.js';
import type { FetchResult } from '../fetch/types.js';
import type { CliIo } from './io.js';
import { OutputWriteError, rescuePath, writeFileAtomically } from './output.js';
import { streamSink, type RenderSink } from '../render/index.js';

export interface WriteOptions {
  format: OutputFormat;
  output: string | undefined;
  force: boolean;
  render: (format: OutputFormat, sink: RenderSink) => Promise<void>;
}

/** Streams to stdout with backpressure when it is a real stream, so a large tree does not pile up in memory. */
function stdoutSink(io: CliIo): RenderSink {
  const stdout = io.stdout as Partial<NodeJS.WritableStream>;
  if (typeof stdout.once === 'function') {
    return streamSink(stdout as NodeJS.WritableStream);
  }
  return { write: (chunk) => void io.stdout.write(chunk) };
}

/**
 * Writes the rendered result to stdout or to `--output`. When the file
 * cannot be written, the tree is saved as JSON in the temporary folder and
 * the error names that file, so a long fetch is never lost.
 */
export async function writeResult(io: CliIo, result: FetchResult, options: WriteOptions): Promise<void> {
  if (options.output === undefined) {
    try {
      await options.render(options.format, stdoutSink(io));
    } catch (error) {
      // A reader that closed the pipe, such as `head`, wanted no more.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        throw error;
      }
      await rescue(result, new OutputWriteError(STDOUT_NAME, describeWriteError(error)));
    }
    return;
  }

  try {
    await writeFileAtomically(options.output, options.force, (sink) => options.render(options.format, sink));
  } catch (error) {
    if (!(error instanceof OutputWriteError)) {
      throw error;
    }
    await rescue(result, error);
  }
}

const STDOUT_NAME = 'standard output';

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}

/** Saves the tree as JSON in the temporary folder, then raises `failure` naming that file. */
async function rescue(result: FetchResult, failure: OutputWriteError): Promise<never> {
  const path = rescuePath(result.space.key);
  try {
    await writeFileAtomically(path, false, (sink) => renderTo('json', result, sink));
  } catch {
    throw failure;
  }
  throw new OutputWriteError(failure.path, failure.reason, path);
}
