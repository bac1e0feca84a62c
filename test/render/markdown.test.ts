import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';

import { escapeControlCharacters } from '../../src/render/escape-controls.js';
import { renderToString } from '../../src/render/index.js';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

interface ListItem {
  text: string;
  href: string | null;
  children: ListItem[];
}

/** Returns the plain text of inline tokens, as the rendered page shows it. */
function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'escape' || (token.type === 'text' && !('tokens' in token && token.tokens))) {
        return (token as Tokens.Text).text;
      }
      if ('tokens' in token && Array.isArray(token.tokens)) {
        return inlineText(token.tokens);
      }
      throw new Error(`Unexpected inline token ${token.type}: ${token.raw}`);
    })
    .join('');
}

/** Converts a marked list token to nested items: the first inline token's text and link, and the nested list. */
function toItems(list: Tokens.List): ListItem[] {
  return list.items.map((item) => {
    const [first, ...rest] = item.tokens;
    if (first === undefined) {
      return { text: '', href: null, children: [] };
    }
    expect(first.type).toBe('text');
    const inline = (first as Tokens.Text).tokens ?? [];
    const link = inline[0]?.type === 'link' ? (inline[0] as Tokens.Link) : null;
    const nested = rest.find((token): token is Tokens.List => token.type === 'list');
    expect(rest.filter((token) => token.type !== 'list' && token.type !== 'space')).toEqual([]);
    return { text: inlineText(inline), href: link?.href ?? null, children: nested === undefined ? [] : toItems(nested) };
  });
}

function lists(markdown: string): Tokens.List[] {
  return marked.lexer(markdown).filter((token): token is Tokens.List => token.type === 'list');
}

const HOME_URL = 'https://example.atlassian.net/wiki/spaces/DOCS/pages/1';

describe('markdown renderer', () => {
  test('sample tree parses to the same nested list', async () => {
    const markdown = await renderToString('md', makeSampleResult());
    const [tree, orphans] = lists(markdown);

    expect(toItems(tree!)).toEqual([
      {
        text: 'Home (home)',
        href: HOME_URL,
        children: [
          { text: 'Sales/Marketing', href: null, children: [{ text: 'Meeting notes', href: null, children: [] }] },
          { text: 'Archive (folder)', href: null, children: [{ text: 'Meeting notes', href: null, children: [] }] },
        ],
      },
      { text: 'Release notes', href: null, children: [] },
    ]);
    expect(toItems(orphans!)).toEqual([{ text: 'Lost page', href: null, children: [{ text: 'Lost child', href: null, children: [] }] }]);
  });

  test('heading names space, fetch time and completeness', async () => {
    const tokens = marked.lexer(await renderToString('md', makeSampleResult()));
    const heading = tokens.find((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 1);
    const paragraph = tokens.find((token): token is Tokens.Paragraph => token.type === 'paragraph');

    expect(heading?.text).toBe('DOCS — Documentation');
    expect(paragraph?.text).toBe('Fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning).');
  });

  test('missing parent gets its own section', async () => {
    const tokens = marked.lexer(await renderToString('md', makeSampleResult()));
    const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 2);
    expect(headings.map((heading) => heading.text)).toEqual(['Parent 99 not found']);
  });

  test('special titles read back once escaped', async () => {
    const [list] = lists(await renderToString('md', makeSpecialTitlesResult()));
    const [specials] = toItems(list!);

    expect(specials!.children.map((item) => item.text)).toEqual(SPECIAL_TITLES.map(({ title }) => escapeControlCharacters(title)));
    expect(specials!.children.every((item) => item.children.length === 0)).toBe(true);
  });

  test('slash and duplicate titles stay separate items', async () => {
    const [list] = lists(await renderToString('md', makeSampleResult()));
    const [home] = toItems(list!);
    expect(home!.children.map((item) => item.text)).toEqual(['Sales/Marketing', 'Archive (folder)']);
    expect(home!.children.map((item) => item.children[0]?.text)).toEqual(['Meeting notes', 'Meeting notes']);
  });

  test('title starting like block markup stays text', async () => {
    const titles = ['# Heading', '- dash', '+ plus', '1. one', '2) two', '> quote', '---', '    code', 'ends with #', '<div>html</div>', '&amp;', '[x](http://a)', '`code`', '*em*', '~~del~~', 'a|b'];
    const result = makeResult({ roots: titles.map((title, i) => ({ id: String(i + 1), title })) });
    const [list] = lists(await renderToString('md', result));
    expect(toItems(list!).map((item) => item.text)).toEqual(titles);
  });

  test('space name ending with hash stays in heading', async () => {
    const result = makeResult({ space: { key: 'C', name: 'Guides C #' }, roots: [] });
    const heading = marked.lexer(await renderToString('md', result)).find((token) => token.type === 'heading') as Tokens.Heading;
    expect(inlineText(heading.tokens)).toBe('C — Guides C #');
  });

  test('link destination survives unusual characters', async () => {
    const url = 'https://example.com/wiki/a b/(c)<d>';
    const result = makeResult({ roots: [{ id: '1', title: 'Page', url }, { id: '2', title: 'Script', url: 'javascript:alert(1)' }] });
    const [list] = lists(await renderToString('md', result));
    const [page, script] = toItems(list!);
    expect(decodeURI(page!.href!)).toBe(url);
    expect(script!.href).toBeNull();
  });

  test('deep chain stops indenting at the limit', async () => {
    const markdown = await renderToString('md', makeChain(6), { maxIndentDepth: 2 });
    const itemLines = markdown.split('\n').filter((line) => line.trimStart().startsWith('- '));
    expect(itemLines).toEqual(['- Level 0', '  - Level 1', '    - Level 2', '    - \\[+1\\] Level 3', '    - \\[+2\\] Level 4', '    - \\[+3\\] Level 5']);
  });

  test('deep chain of 100,000 renders without recursion', async () => {
    const markdown = await renderToString('md', makeChain(100_000));
    expect(markdown.endsWith('- \\[+99967\\] Level 99999\n')).toBe(true);
  });

  test('any title reads back as one item', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (title) => {
        const [list] = lists(`- ${escapeMarkdown(title)}\n`);
        const items = toItems(list!);
        expect(items).toHaveLength(1);
        expect(items[0]!.text).toBe(escapeControlCharacters(title));
      }),
      { numRuns: 500 },
    );
  });
});
