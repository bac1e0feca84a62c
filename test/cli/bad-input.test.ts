import { afterAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, BadInputWorld, CASE_SECRETS } from '../cases/bad-input.js';
import { cli } from '../support/cli.js';

const world = new BadInputWorld();

afterAll(async () => {
  await world.close();
});

describe('bad input', () => {
  it('has at least 40 cases', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_INPUT_CASES.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const prepared = await testCase.prepare(world);
    const run = await cli(prepared.argv, prepared.env ?? {});
    const lines = run.stderr.trimEnd().split('\n');

    expect(run.code).toBe(testCase.exitCode);
    expect(lines).toHaveLength(1);
    expect(run.stderr).toContain(testCase.message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (testCase.output !== undefined) {
      expect(run.stdout).toContain(testCase.output);
    }
    for (const secret of CASE_SECRETS) {
      expect(run.stderr).not.toContain(secret);
      expect(run.stdout).not.toContain(secret);
    }
  });
});
