import { describe, expect, test } from 'vitest';

import { escapeControlCharacters } from '../../src/render/escape-controls.js';
import { renderToString } from '../../src/render/index.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

const SAMPLE_TEXT = [
  'DOCS — Documentation (fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning))',
  '├── Home (home)',
  '│   ├── Sales/Marketing',
  '│   │   └── Meeting notes',
  '│   └── Archive [folder]',
  '│       └── Meeting notes',
  '└── Release notes',
  '(parent 99 not found)',
  '└── Lost page',
  '    └── Lost child',
  '',
].join('\n');

function nodeLines(text: string): string[] {
  return text
    .split('\n')
    .slice(1, -1)
    .filter((line) => !/^\(parent .* not found\)$/.test(line));
}

describe('text renderer', () => {
  test('sample tree renders exactly', async () => {
    expect(await renderToString('text', makeSampleResult())).toBe(SAMPLE_TEXT);
  });

  test('showIds appends each node id', async () => {
    const lines = (await renderToString('text', makeSampleResult(), { showIds: true })).split('\n');
    expect(lines[1]).toBe('├── Home (home)  [id 1]');
    expect(lines[4]).toBe('│   └── Archive [folder]  [id 3]');
    expect(lines[9]).toBe('    └── Lost child  [id 8]');
  });

  test('every line after the heading is one node', async () => {
    const result = makeSampleResult();
    const lines = nodeLines(await renderToString('text', result, { showIds: true }));
    const ids = lines.map((line) => /\[id (\d+)\]$/.exec(line)?.[1]);
    expect(ids).toEqual(['1', '2', '4', '3', '5', '6', '7', '8']);
    expect(lines).toHaveLength(result.tree.byId.size);
  });

  test('duplicate titles keep their own ids', async () => {
    const lines = (await renderToString('text', makeSampleResult(), { showIds: true })).split('\n');
    expect(lines[3]).toBe('│   │   └── Meeting notes  [id 4]');
    expect(lines[5]).toBe('│       └── Meeting notes  [id 5]');
  });

  test('special titles stay on one line each', async () => {
    const result = makeSpecialTitlesResult();
    const text = await renderToString('text', result);
    const lines = nodeLines(text);
    expect(lines).toHaveLength(SPECIAL_TITLES.length + 1);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  test('special titles are escaped once', async () => {
    const lines = nodeLines(await renderToString('text', makeSpecialTitlesResult()));
    const titles = lines.slice(1).map((line) => line.replace(/^ {4}[├└]── /, ''));
    expect(titles).toEqual([
      'What? & <b>bold</b>',
      '(Leading paren',
      '=SUM(A1:A2)',
      '+1',
      '-x',
      '@who',
      '’quoted’',
      '"double"',
      'Line one\\r\\nLine two',
      'Tab\\tinside',
      '\\tLeading tab',
      '\\x1b[31mred',
      'Launch 🚀 plan',
      '日本語',
      ' =1+1',
      '＝1',
      'Comma, quote " and CR\\r',
      '\\r=starts with CR',
      'Sales/Marketing',
    ]);
  });

  test('space heading is escaped', async () => {
    const result = makeResult({ space: { key: 'K', name: 'Evil\u001b]0;title\u0007' }, roots: [] });
    expect(await renderToString('text', result)).toBe('K — Evil\\x1b]0;title\\x07 (fetched 2025-01-02T03:04:05.000Z, complete)\n');
  });

  test('space without name shows key only', async () => {
    const result = makeResult({ space: { key: 'EMPTY' }, roots: [] });
    expect(await renderToString('text', result)).toBe('EMPTY (fetched 2025-01-02T03:04:05.000Z, complete)\n');
  });

  test('non-page types are marked', async () => {
    const result = makeResult({
      roots: [
        { id: '1', title: 'Board', type: 'whiteboard' },
        { id: '2', title: 'Table', type: 'database' },
        { id: '3', title: 'Video', type: 'embed' },
      ],
    });
    expect(nodeLines(await renderToString('text', result))).toEqual([
      '├── Board [whiteboard]',
      '├── Table [database]',
      '└── Video [embed]',
    ]);
  });

  test('adjacent orphans share one heading', async () => {
    const result = makeResult({
      roots: [],
      orphans: [
        { missingParentId: '50', node: { id: '1', title: 'A' } },
        { missingParentId: '50', node: { id: '2', title: 'B' } },
        { missingParentId: '60', node: { id: '3', title: 'C' } },
      ],
    });
    expect(await renderToString('text', result)).toBe(
      ['DOCS — Documentation (fetched 2025-01-02T03:04:05.000Z, incomplete)', '(parent 50 not found)', '├── A', '└── B', '(parent 60 not found)', '└── C', ''].join('\n'),
    );
  });

  test('deep lines hide outer guides', async () => {
    const text = await renderToString('text', makeChain(5), { maxIndentDepth: 2 });
    expect(text).toBe(
      [
        'DEEP (fetched 2025-01-02T03:04:05.000Z, complete)',
        '└── Level 0',
        '    └── Level 1',
        '        └── Level 2',
        '[+1]         └── Level 3',
        '[+2]         └── Level 4',
        '',
      ].join('\n'),
    );
  });

  test('guides return after a deep branch', async () => {
    const result = makeResult({
      roots: [
        {
          id: '1',
          title: 'A',
          children: [{ id: '2', title: 'B', children: [{ id: '3', title: 'C', children: [{ id: '4', title: 'D' }] }] }, { id: '5', title: 'E' }],
        },
        { id: '6', title: 'F' },
      ],
    });
    expect(nodeLines(await renderToString('text', result, { maxIndentDepth: 1 }))).toEqual([
      '├── A',
      '│   ├── B',
      '[+1] │   └── C',
      '[+2]     └── D',
      '│   └── E',
      '└── F',
    ]);
  });

  test('invalid maxIndentDepth is rejected', async () => {
    await expect(renderToString('text', makeSampleResult(), { maxIndentDepth: -1 })).rejects.toThrow(RangeError);
    await expect(renderToString('text', makeSampleResult(), { maxIndentDepth: 1.5 })).rejects.toThrow(/maxIndentDepth 1.5/);
  });
});

describe('escapeControlCharacters', () => {
  test.each([
    ['a\nb', 'a\\nb'],
    ['a\rb', 'a\\rb'],
    ['a\tb', 'a\\tb'],
    ['\u0000', '\\x00'],
    ['\u001b[0m', '\\x1b[0m'],
    ['\u007f', '\\x7f'],
    ['\u0085', '\\x85'],
    ['\u009b31m', '\\x9b31m'],
    ['a\u2028b', 'a\\u2028b'],
    ['\u202eevil', '\\u202eevil'],
    ['C:\\path', 'C:\\path'],
    ['日本語 🚀 ’x’', '日本語 🚀 ’x’'],
  ])('escapes %j', (input, expected) => {
    expect(escapeControlCharacters(input)).toBe(expected);
  });
});
