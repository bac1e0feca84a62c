import { parse } from '@ts-graphviz/ast';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { dotHtmlLabel } from '../../src/render/dot-escape.js';
import { DOT_MAX_NODES } from '../../src/render/dot.js';
import { escapeControlCharacters } from '../../src/render/escape-controls.js';
import { renderToString } from '../../src/render/index.js';
import { makeChain, makeFlatList, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

interface Literal {
  value: string;
  quoted: boolean | 'html';
}

interface AstNode {
  type: string;
  kind?: string;
  value?: string;
  id?: Literal;
  key?: Literal;
  targets?: { id: Literal }[];
  children: AstNode[];
}

interface Graph {
  comments: string[];
  attributes: Map<string, Literal>;
  /** Node attributes by node name, each value with its quoting. */
  nodes: Map<string, Map<string, Literal>>;
  edges: { from: string; to: string; style: string | null }[];
}

/** Decodes the XML entities that an HTML-like label may contain, failing on any markup. */
function decodeHtmlText(text: string): string {
  expect(text).not.toMatch(/[<>]/);
  expect(text.replace(/&(?:amp|lt|gt|quot|#\d+);/g, '')).not.toContain('&');
  return text.replace(/&(amp|lt|gt|quot|#\d+);/g, (_, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"' }[name]!;
  });
}

function attributesOf(list: AstNode[]): Map<string, Literal> {
  const attributes = new Map<string, Literal>();
  for (const attribute of list) {
    expect(attribute.type).toBe('Attribute');
    attributes.set(attribute.key!.value, (attribute as unknown as { value: Literal }).value);
  }
  return attributes;
}

/** Parses DOT with @ts-graphviz/ast and collects the one digraph's nodes and edges. */
function parseGraph(text: string): Graph {
  const dot = parse(text) as unknown as AstNode;
  const graph: Graph = { comments: [], attributes: new Map(), nodes: new Map(), edges: [] };

  const digraphs = dot.children.filter((child) => child.type === 'Graph');
  expect(digraphs).toHaveLength(1);
  graph.comments = dot.children.filter((child) => child.type === 'Comment').map((comment) => comment.value!);

  for (const statement of digraphs[0]!.children) {
    if (statement.type === 'AttributeList' && statement.kind === 'Graph') {
      graph.attributes = attributesOf(statement.children);
    } else if (statement.type === 'Node') {
      expect(graph.nodes.has(statement.id!.value), `${statement.id!.value} is defined once`).toBe(false);
      graph.nodes.set(statement.id!.value, attributesOf(statement.children));
    } else if (statement.type === 'Edge') {
      const [from, to] = statement.targets!.map((target) => target.id.value);
      expect(graph.nodes.has(from!), `${from} is defined before its edge`).toBe(true);
      graph.edges.push({ from: from!, to: to!, style: attributesOf(statement.children).get('style')?.value ?? null });
    } else {
      expect(statement.type).toBe('AttributeList');
      expect(statement.kind).toBe('Node');
    }
  }
  return graph;
}

function labelOf(graph: Graph, name: string): string {
  const label = graph.nodes.get(name)?.get('label');
  expect(label?.quoted).toBe('html');
  return decodeHtmlText(label!.value);
}

describe('dot renderer', () => {
  test('sample tree parses back to the same edges', async () => {
    const graph = parseGraph(await renderToString('dot', makeSampleResult()));
    const links = graph.edges.map((edge) => `${labelOf(graph, edge.to)} <${edge.style === 'dashed' ? '.' : '-'} ${labelOf(graph, edge.from)}`);

    expect([...graph.nodes.keys()].map((name) => labelOf(graph, name))).toEqual([
      'Home (home)',
      'Sales/Marketing',
      'Meeting notes',
      'Archive [folder]',
      'Meeting notes',
      'Release notes',
      'parent 99 not found',
      'Lost page',
      'Lost child',
    ]);
    expect(links).toEqual([
      'Sales/Marketing <- Home (home)',
      'Meeting notes <- Sales/Marketing',
      'Archive [folder] <- Home (home)',
      'Meeting notes <- Archive [folder]',
      'Lost page <. parent 99 not found',
      'Lost child <- Lost page',
    ]);
  });

  test('ids, links and folder shape are attributes', async () => {
    const graph = parseGraph(await renderToString('dot', makeSampleResult()));
    const ids = [...graph.nodes.values()].map((attributes) => attributes.get('id')?.value ?? null);
    expect(ids).toEqual(['page-1', 'page-2', 'page-4', 'page-3', 'page-5', 'page-6', null, 'page-7', 'page-8']);
    expect(graph.nodes.get('n1')?.get('URL')?.value).toBe('https://example.atlassian.net/wiki/spaces/DOCS/pages/1');
    expect(graph.nodes.get('n4')?.get('shape')?.value).toBe('folder');
  });

  test('comment and graph label name space, time and completeness', async () => {
    const graph = parseGraph(await renderToString('dot', makeSampleResult()));
    expect(graph.comments.map((comment) => comment.trim())).toEqual(['conftree: DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning)']);
    expect(graph.attributes.get('label')).toMatchObject({
      value: 'DOCS — Documentation<br/>fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning)',
      quoted: 'html',
    });
  });

  test('special titles decode to the escaped title', async () => {
    const graph = parseGraph(await renderToString('dot', makeSpecialTitlesResult()));
    const labels = [...graph.nodes.keys()].map((name) => labelOf(graph, name));
    expect(labels.slice(1)).toEqual(SPECIAL_TITLES.map(({ title }) => escapeControlCharacters(title)));
  });

  test('backslashes and quotes stay text', async () => {
    const titles = ['ends with \\', '\\N and \\l', 'say "hi"', '}; n9 -> n1; //', 'x"] [label="y'];
    const result = makeResult({ roots: titles.map((title, i) => ({ id: String(i + 1), title, url: `https://example.com/${i}"\\` })) });
    const graph = parseGraph(await renderToString('dot', result));
    expect([...graph.nodes.keys()].map((name) => labelOf(graph, name))).toEqual(titles);
    expect([...graph.nodes.values()].every((attributes) => !attributes.has('URL'))).toBe(true);
    expect(graph.edges).toEqual([]);
  });

  test('large graph warns with a depth that fits', async () => {
    const warnings: string[] = [];
    await renderToString('dot', makeFlatList(DOT_MAX_NODES), { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);

    await renderToString('dot', makeChain(DOT_MAX_NODES + 1), { onWarning: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${DOT_MAX_NODES + 1} nodes`);
    expect(warnings[0]).toContain(`pass --depth ${DOT_MAX_NODES} or less`);
  });

  test('deep chain of 100,000 renders without recursion', async () => {
    const text = await renderToString('dot', makeChain(100_000));
    expect(text.endsWith('  n99999 -> n100000;\n}\n')).toBe(true);
  });

  test('any title parses back from its label', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (title) => {
        const graph = parseGraph(`digraph g { n1 [label=${dotHtmlLabel(title)}]; }`);
        expect(labelOf(graph, 'n1')).toBe(escapeControlCharacters(title));
      }),
      { numRuns: 500 },
    );
  });
});
