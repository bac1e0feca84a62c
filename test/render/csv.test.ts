import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';

import { neutralizeFormula } from '../../src/render/csv.js';
import { renderToString } from '../../src/render/index.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

const HOME_URL = 'https://example.atlassian.net/wiki/spaces/DOCS/pages/1';

const SAMPLE_CSV = [
  'level_1,level_2,level_3,id,parent_id,type,status,url',
  `Home,,,1,,page,current,${HOME_URL}`,
  'Home,Sales/Marketing,,2,1,page,current,',
  'Home,Sales/Marketing,Meeting notes,4,2,page,current,',
  'Home,Archive,,3,1,folder,current,',
  'Home,Archive,Meeting notes,5,3,page,current,',
  'Release notes,,,6,,page,current,',
  'Lost page,,,7,99,page,current,',
  'Lost page,Lost child,,8,7,page,current,',
  '',
].join('\r\n');

/** Matches a cell that a spreadsheet could read as a formula. */
const FORMULA_CELL = /^[=+\-@\t\r]/;

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false });
}

describe('csv renderer', () => {
  test('sample tree renders exactly', async () => {
    expect(await renderToString('csv', makeSampleResult())).toBe(SAMPLE_CSV);
  });

  test('bom option prepends a byte order mark', async () => {
    const text = await renderToString('csv', makeSampleResult(), { bom: true });
    expect(text.startsWith('\uFEFFlevel_1,')).toBe(true);
    expect(text.slice(1)).toBe(SAMPLE_CSV);
  });

  test('empty tree has one level column', async () => {
    const result = makeResult({ roots: [] });
    expect(await renderToString('csv', result)).toBe('level_1,id,parent_id,type,status,url\r\n');
  });

  test('header counts the deepest level', async () => {
    const text = await renderToString('csv', makeChain(5));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['level_1', 'level_2', 'level_3', 'level_4', 'level_5', 'id', 'parent_id', 'type', 'status', 'url']);
    expect(rows[5]).toEqual(['Level 0', 'Level 1', 'Level 2', 'Level 3', 'Level 4', '5', '4', 'page', 'current', '']);
  });

  test('duplicate titles keep their own ids', async () => {
    const rows = parseCsv(await renderToString('csv', makeSampleResult()));
    const notes = rows.filter((row) => row[2] === 'Meeting notes');
    expect(notes.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['Sales/Marketing', '4', '2'],
      ['Archive', '5', '3'],
    ]);
  });

  test('special titles round-trip through a parser', async () => {
    const text = await renderToString('csv', makeSpecialTitlesResult());
    const rows = parseCsv(text);
    expect(rows).toHaveLength(SPECIAL_TITLES.length + 2);

    const byId = new Map(rows.slice(1).map((row) => [row[2], row]));
    for (const special of SPECIAL_TITLES) {
      const row = byId.get(special.id);
      const expected = special.formula ? `'${special.title}` : special.title;
      expect(row, `row of ${special.id}`).toEqual(['Specials', expected, special.id, '100', 'page', 'current', '']);
    }
  });

  test('no cell starts a formula', async () => {
    const result = makeResult({
      roots: [
        {
          id: '-1',
          title: '=HYPERLINK("http://example.com")',
          url: '=cmd|"/c calc"!A1',
          children: SPECIAL_TITLES.map(({ id, title }) => ({ id, title, url: `@${id}` })),
        },
      ],
      orphans: [{ missingParentId: '+99', node: { id: '7', title: '@orphan' } }],
    });
    const rows = parseCsv(await renderToString('csv', result));
    for (const row of rows) {
      for (const cell of row) {
        expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_CELL);
        expect(cell, JSON.stringify(cell)).not.toMatch(/^\s*[=+\-@＝＋－＠]/);
      }
    }
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://example.com")', '', "'-1", '', 'page', 'current', '\'=cmd|"/c calc"!A1']);
    expect(rows.at(-1)).toEqual(["'@orphan", '', '7', "'+99", 'page', 'current', '']);
  });

  test('line ends are CRLF outside quoted cells', async () => {
    const text = await renderToString('csv', makeSpecialTitlesResult());
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(outsideQuotes.split('\r\n')).toHaveLength(SPECIAL_TITLES.length + 3);
  });

  test('quotes are doubled inside quoted cells', async () => {
    const text = await renderToString('csv', makeSpecialTitlesResult());
    expect(text).toContain('Specials,"""double""",108,100,page,current,\r\n');
    expect(text).toContain('Specials,"Comma, quote "" and CR\r",117,100,page,current,\r\n');
    expect(text).toContain('Specials,"Line one\r\nLine two",109,100,page,current,\r\n');
    expect(text).toContain('Specials,Sales/Marketing,119,100,page,current,\r\n');
  });

  test('orphan levels start at level_1', async () => {
    const rows = parseCsv(await renderToString('csv', makeSampleResult()));
    expect(rows[7]).toEqual(['Lost page', '', '', '7', '99', 'page', 'current', '']);
    expect(rows[8]).toEqual(['Lost page', 'Lost child', '', '8', '7', 'page', 'current', '']);
  });
});

describe('neutralizeFormula', () => {
  test.each([
    ['=1', "'=1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\u0000x', "'\u0000x"],
    ['  =1', "'  =1"],
    ['\u3000=1', "'\u3000=1"],
    ['＝1', "'＝1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['a=1', 'a=1'],
    ['(x)', '(x)'],
    ["'quoted", "'quoted"],
    ['', ''],
    ['   ', '   '],
  ])('maps %j to %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});
