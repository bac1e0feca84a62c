/**
 * Process exit codes of the `conftree` command. Scripts can rely on them:
 * they are part of the command's interface and listed in the README.
 */
export const ExitCode = {
  /** The tree was fetched completely and written. */
  Ok: 0,
  /** An unexpected internal error; run again with --verbose and report it. */
  Internal: 1,
  /** Invalid command line, option value or site URL, or a `conftree diff` snapshot that is missing, not a conftree JSON tree, or of another space. */
  Usage: 2,
  /** The tree was written but is incomplete; the reasons are on stderr and in the JSON warnings. */
  Incomplete: 3,
  /** Credentials were rejected (401) or access was denied (403). */
  Auth: 4,
  /** The site, space or root page was not found. */
  NotFound: 5,
  /** The site failed: network error, timeout, server error, rate limit or a non-JSON response. */
  Remote: 6,
  /** The output could not be written. */
  Output: 7,
  /** `conftree diff` only: the snapshots differ, and the report was written. Identical snapshots exit with 0, like diff(1). */
  Changed: 8,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
