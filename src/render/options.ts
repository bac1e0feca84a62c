/** Default of `maxIndentDepth` for the text and JSON renderers. */
export const DEFAULT_MAX_INDENT_DEPTH = 32;

/** Returns the `maxIndentDepth` option or its default. Throws a RangeError unless it is an integer of 0 or more. */
export function readMaxIndentDepth(value: number | undefined): number {
  if (value === undefined) {
    return DEFAULT_MAX_INDENT_DEPTH;
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`Invalid maxIndentDepth ${value}: expected an integer of 0 or more.`);
  }
  return value;
}
