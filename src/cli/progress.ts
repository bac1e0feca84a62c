import cliProgress from 'cli-progress';
import type { FetchProgress } from '../fetch/options.js';
import type { CliIo } from './io.js';

export interface ProgressDisplay {
  update(progress: FetchProgress): void;
  stop(): void;
}

const NO_PROGRESS: ProgressDisplay = { update() {}, stop() {} };

/**
 * Shows a one-line progress display on stderr while fetching, only when
 * stderr is a terminal, so pipes and log files get no control sequences.
 */
export function createProgress(io: CliIo, enabled: boolean): ProgressDisplay {
  if (!enabled || io.stderr.isTTY !== true) {
    return NO_PROGRESS;
  }

  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: 'conftree: {phase} {value} nodes, {requests} requests',
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;

  return {
    update(progress) {
      const payload = { phase: progress.phase, requests: progress.requests };
      if (!started) {
        bar.start(0, progress.nodes, payload);
        started = true;
      } else {
        bar.update(progress.nodes, payload);
      }
    },
    stop() {
      if (started) {
        bar.stop();
      }
    },
  };
}
