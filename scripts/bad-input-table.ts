/**
 * Runs every bad-input case of the test suite against loopback servers and
 * prints a Markdown table of the case, the exit code and the message, for
 * RELIABILITY.md.
 *
 * Run: npx tsx scripts/bad-input-table.ts
 */
import { runCli } from '../src/cli/run.js';
import { BAD_INPUT_CASES, BadInputWorld } from '../test/cases/bad-input.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

/** Shortens machine-specific parts so the table does not change between runs. */
function normalize(text: string): string {
  return text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\/tmp\/conftree-bad-input-\w+/g, '/tmp/DIR')
    .replace(/\d+(\.\d+)? (KiB|MiB|B|s),/g, 'N $2,')
    .replace(/"L{200,}"/g, '"LLL…"');
}

const world = new BadInputWorld();
console.log('| case | exit | message (stderr) |');
console.log('|---|---|---|');
try {
  for (const testCase of BAD_INPUT_CASES) {
    const prepared = await testCase.prepare(world);
    let stderr = '';
    const code = await runCli(prepared.argv, {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => void (stderr += chunk) },
      env: prepared.env ?? {},
    });
    console.log(`| ${testCase.name} | ${code} | \`${escapeCell(normalize(stderr.trim()))}\` |`);
  }
} finally {
  await world.close();
}
