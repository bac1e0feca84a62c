import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSection } from '../../bench/report.js';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'conftree-bench-')), 'BENCHMARKS.md');
}

describe('benchmark report section', () => {
  it('creates the file when missing', () => {
    const path = tempFile();
    writeSection(path, ['body']);
    expect(readFileSync(path, 'utf8')).toBe('# Benchmarks\n\n## Fetch benchmark\n\nbody\n');
  });

  it('appends after other sections', () => {
    const path = tempFile();
    writeFileSync(path, '# Benchmarks\n\n## Simulator throughput\n\nfigures\n');
    writeSection(path, ['body']);
    expect(readFileSync(path, 'utf8')).toBe('# Benchmarks\n\n## Simulator throughput\n\nfigures\n\n## Fetch benchmark\n\nbody\n');
  });

  it('replaces only its own section', () => {
    const path = tempFile();
    writeFileSync(path, '# Benchmarks\n\n## Fetch benchmark\n\nold\n\n## Web component\n\nkept\n');
    writeSection(path, ['new']);
    expect(readFileSync(path, 'utf8')).toBe('# Benchmarks\n\n## Fetch benchmark\n\nnew\n\n## Web component\n\nkept\n');
  });
});
