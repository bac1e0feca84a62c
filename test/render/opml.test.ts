import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';

import type { FetchResult } from '../../src/fetch/types.js';
import { escapeControlCharacters } from '../../src/render/escape-controls.js';
import { renderToString } from '../../src/render/index.js';
import { escapeXmlAttribute } from '../../src/render/xml-escape.js';
import type { TreeNode } from '../../src/tree/types.js';
import { makeChain, makeResult, makeSampleResult, makeSpecialTitlesResult } from './make-result.js';

interface Outline {
  text: string;
  id?: string;
  nodeType?: string;
  home?: string;
  type?: string;
  url?: string;
  missingParentId?: string;
  outline?: Outline[];
}

interface OpmlDocument {
  opml: { version: string; head: { title: string; dateCreated?: string; docs: string }; body: { outline?: Outline[] } };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => name === 'outline',
  htmlEntities: true,
  // The default of 100 would reject the deep chain below.
  maxNestedTags: 1000,
});

function parseOpml(xml: string): OpmlDocument {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as OpmlDocument;
}

interface Plain {
  id: string;
  title: string;
  type: string;
  home: boolean;
  url: string | null;
  children: Plain[];
}

/** Returns the tree as plain objects, built with an explicit stack. */
function plainTree(nodes: readonly TreeNode[]): Plain[] {
  const top: Plain[] = [];
  const stack: { nodes: readonly TreeNode[]; into: Plain[] }[] = [{ nodes, into: top }];
  while (stack.length > 0) {
    const { nodes: group, into } = stack.pop()!;
    for (const node of group) {
      const plain: Plain = { id: node.id, title: node.title, type: node.type, home: node.isHome, url: node.url ?? null, children: [] };
      into.push(plain);
      stack.push({ nodes: node.children, into: plain.children });
    }
  }
  return top;
}

function plainOutlines(outlines: readonly Outline[] | undefined): Plain[] {
  return (outlines ?? []).map((outline) => ({
    id: outline.id!,
    title: outline.text,
    type: outline.nodeType!,
    home: outline.home === 'true',
    url: outline.type === 'link' ? outline.url! : null,
    children: plainOutlines(outline.outline),
  }));
}

/** Splits the body into the roots and, by missing parent id, the children of each missing-parent placeholder. */
function splitBody(document: OpmlDocument): { roots: Outline[]; orphans: Map<string, Outline[]> } {
  const outlines = document.opml.body.outline ?? [];
  const orphans = new Map<string, Outline[]>();
  for (const outline of outlines.filter((item) => item.missingParentId !== undefined)) {
    orphans.set(outline.missingParentId!, outline.outline ?? []);
  }
  return { roots: outlines.filter((item) => item.missingParentId === undefined), orphans };
}

function orphanTrees(result: FetchResult): Map<string, Plain[]> {
  const trees = new Map<string, Plain[]>();
  for (const orphan of result.tree.orphans) {
    trees.set(orphan.missingParentId, [...(trees.get(orphan.missingParentId) ?? []), ...plainTree([orphan.node])]);
  }
  return trees;
}

describe('opml renderer', () => {
  test('sample tree round-trips through an XML parser', async () => {
    const result = makeSampleResult();
    const document = parseOpml(await renderToString('opml', result));
    const { roots, orphans } = splitBody(document);

    expect(document.opml.version).toBe('2.0');
    expect(plainOutlines(roots)).toEqual(plainTree(result.tree.roots));
    expect(new Map([...orphans].map(([id, outlines]) => [id, plainOutlines(outlines)]))).toEqual(orphanTrees(result));
  });

  test('head names space, fetch time and completeness', async () => {
    const document = parseOpml(await renderToString('opml', makeSampleResult()));
    expect(document.opml.head.title).toBe('DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning)');
    expect(document.opml.head.dateCreated).toBe('Thu, 02 Jan 2025 03:04:05 GMT');
  });

  test('special titles round-trip exactly where XML allows', async () => {
    const result = makeSpecialTitlesResult();
    const document = parseOpml(await renderToString('opml', result));
    const titles = document.opml.body.outline![0]!.outline!.map((outline) => outline.text);
    // XML 1.0 cannot carry ESC (U+001B), so that one title shows it as \x1b.
    const expected = result.tree.roots[0]!.children.map((node) => node.title.replace('\u001b', '\\x1b'));
    expect(titles).toEqual(expected);
  });

  test('deep chain round-trips', async () => {
    const result = makeChain(300);
    const document = parseOpml(await renderToString('opml', result));
    expect(plainOutlines(document.opml.body.outline)).toEqual(plainTree(result.tree.roots));
  });

  test('indentation stops growing at the limit', async () => {
    const lines = (await renderToString('opml', makeChain(5), { maxIndentDepth: 1 })).split('\n');
    const outlineIndents = lines.filter((line) => line.includes('<outline')).map((line) => line.length - line.trimStart().length);
    expect(outlineIndents).toEqual([4, 6, 6, 6, 6]);
  });

  test('deep chain of 100,000 renders without recursion', async () => {
    const text = await renderToString('opml', makeChain(100_000));
    expect(text.endsWith('    </outline>\n  </body>\n</opml>\n')).toBe(true);
  });

  test('any title round-trips through an attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary-ascii', maxLength: 10 }), (text, ascii) => {
        const title = text + ascii;
        const xml = `<opml version="2.0"><head><title>${escapeXmlAttribute(title)}</title></head><body><outline text="${escapeXmlAttribute(title)}"/></body></opml>`;
        const document = parseOpml(xml);
        const expected = title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (character) => escapeControlCharacters(character));
        expect(document.opml.body.outline![0]!.text).toBe(expected);
        expect(document.opml.head.title).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('title with markup is one outline', async () => {
    const result = makeResult({ roots: [{ id: '1', title: '"/><outline text="injected' }] });
    const document = parseOpml(await renderToString('opml', result));
    expect(document.opml.body.outline).toHaveLength(1);
    expect(document.opml.body.outline![0]!.text).toBe('"/><outline text="injected');
  });
});
