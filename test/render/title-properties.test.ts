import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, neutralizeFormula, renderToString } from '../../src/render/index.js';
import { makeResult } from './make-result.js';

/** Titles as hostile as Confluence allows: any Unicode, markup, quotes, line breaks and formula prefixes. */
const title = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom('=SUM(A1)', '+1', '-x', '@who', '\tTab', '\rCR', ' =1+1', '＝1', '<img src=x onerror=alert(1)>', '"q", \'s\'', 'a\r\nb', 'Sales/Marketing'),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '<', '"', '\n', ','), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([prefix, rest]) => prefix + rest),
);

function resultWith(titles: string[]) {
  return makeResult({
    roots: [{ id: '1', title: 'Root', children: titles.map((text, index) => ({ id: String(100 + index), title: text })) }],
  });
}

describe('titles through every core format', () => {
  it('json returns each title unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(title, { minLength: 1, maxLength: 8 }), async (titles) => {
        const json = JSON.parse(await renderToString('json', resultWith(titles)));
        expect(json.roots[0].children.map((child: { title: string }) => child.title)).toEqual(titles);
      }),
    );
  });

  it('csv round-trips each title and never starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(title, { minLength: 1, maxLength: 8 }), async (titles) => {
        const rows: string[][] = parse(await renderToString('csv', resultWith(titles)), { bom: false });
        const childRows = rows.slice(2);

        expect(childRows).toHaveLength(titles.length);
        expect(childRows.map((row) => row[1])).toEqual(titles.map(neutralizeFormula));
        for (const row of rows) {
          for (const cell of row) {
            expect(cell).not.toMatch(/^\s*[=+\-@\t\r＝＋－＠]/);
          }
        }
      }),
    );
  });

  it('text keeps one line per node with controls escaped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(title, { minLength: 1, maxLength: 8 }), async (titles) => {
        const text = await renderToString('text', resultWith(titles));
        const treeLines = text.split('\n').filter((line) => /^    [├└]── /.test(line));

        expect(treeLines).toHaveLength(titles.length);
        treeLines.forEach((line, index) => {
          expect(line.endsWith(escapeControlCharacters(titles[index]!))).toBe(true);
        });
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });
});
