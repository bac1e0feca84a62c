/**
 * No Mermaid parser runs here: `mermaid` 12.3.0 and `@mermaid-js/parser` 2.0.1
 * require Node.js 22.12 or later, and the parser package covers no flowchart.
 * So these tests check the output against the subset of flowchart syntax that
 * the renderer may write, line by line, and rebuild the tree from it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { escapeControlCharacters } from '../../src/render/escape-controls.js';
import { renderToString } from '../../src/render/index.js';
import { escapeMermaidLabel } from '../../src/render/mermaid-escape.js';
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE } from '../../src/render/mermaid.js';
import { makeChain, makeFlatList, makeResult, makeSampleResult, makeSpecialTitlesResult, SPECIAL_TITLES } from './make-result.js';

const NODE_LINE = /^ {2}([nm]\d+)\["([^"]*)"\]$/;
const EDGE_LINE = /^ {2}([nm]\d+) (-->|-\.->) (n\d+)$/;
const COMMENT_LINE = /^%% [^\n]*$/;
/** A label may hold letters, digits, inner spaces, entity codes and non-ASCII characters, and nothing else. */
const SAFE_LABEL = /^(?:[A-Za-z0-9 ]|#\d+;|[^\u0000-\u007f])*$/u;

interface Flowchart {
  comments: string[];
  labels: Map<string, string>;
  edges: { from: string; to: string; dotted: boolean }[];
}

/** Decodes Mermaid's decimal entity codes, as Mermaid does before drawing a label. */
function decodeLabel(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Parses the flowchart subset that the renderer writes, and fails on any other line. */
function parseFlowchart(text: string): Flowchart {
  expect(text.endsWith('\n')).toBe(true);
  const [header, ...lines] = text.slice(0, -1).split('\n');
  expect(header).toBe('flowchart LR');

  const chart: Flowchart = { comments: [], labels: new Map(), edges: [] };
  for (const line of lines) {
    const node = NODE_LINE.exec(line);
    const edge = EDGE_LINE.exec(line);
    if (node !== null) {
      expect(node[2]).toMatch(SAFE_LABEL);
      expect(chart.labels.has(node[1]!), `${node[1]} is defined once`).toBe(false);
      chart.labels.set(node[1]!, decodeLabel(node[2]!));
    } else if (edge !== null) {
      expect(chart.labels.has(edge[1]!), `${edge[1]} is defined before its edge`).toBe(true);
      chart.edges.push({ from: edge[1]!, to: edge[3]!, dotted: edge[2] === '-.->' });
    } else {
      expect(line).toMatch(COMMENT_LINE);
      chart.comments.push(line.slice(3));
    }
  }
  return chart;
}

/** Returns each node's label with its parent's label, as `child <- parent`, from the edges. */
function parentLinks(chart: Flowchart): string[] {
  return chart.edges.map((edge) => `${chart.labels.get(edge.to)} <${edge.dotted ? '.' : '-'} ${chart.labels.get(edge.from)}`);
}

describe('mermaid renderer', () => {
  test('sample tree rebuilds from nodes and edges', async () => {
    const chart = parseFlowchart(await renderToString('mermaid', makeSampleResult()));

    expect([...chart.labels.values()]).toEqual([
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
    expect(parentLinks(chart)).toEqual([
      'Sales/Marketing <- Home (home)',
      'Meeting notes <- Sales/Marketing',
      'Archive [folder] <- Home (home)',
      'Meeting notes <- Archive [folder]',
      'Lost page <. parent 99 not found',
      'Lost child <- Lost page',
    ]);
  });

  test('duplicate titles are separate nodes', async () => {
    const chart = parseFlowchart(await renderToString('mermaid', makeSampleResult()));
    const notes = [...chart.labels].filter(([, label]) => label === 'Meeting notes').map(([name]) => name);
    expect(notes).toHaveLength(2);
    expect(new Set(notes).size).toBe(2);
  });

  test('comment names space, fetch time and completeness', async () => {
    const chart = parseFlowchart(await renderToString('mermaid', makeSampleResult()));
    expect(chart.comments).toEqual(['conftree: DOCS — Documentation, fetched 2025-01-02T03:04:05.000Z, incomplete (1 warning)']);
  });

  test('comment cannot break out of its line', async () => {
    const result = makeResult({ space: { key: 'K', name: 'Evil\n  n1["injected"]' }, roots: [] });
    const chart = parseFlowchart(await renderToString('mermaid', result));
    expect(chart.labels.size).toBe(0);
    expect(chart.comments[0]).toContain('Evil\\n');
  });

  test('special titles decode to the escaped title', async () => {
    const chart = parseFlowchart(await renderToString('mermaid', makeSpecialTitlesResult()));
    const labels = [...chart.labels.values()];
    expect(labels.slice(1)).toEqual(SPECIAL_TITLES.map(({ title }) => escapeControlCharacters(title)));
  });

  test('small tree has no size warning', async () => {
    const warnings: string[] = [];
    await renderToString('mermaid', makeFlatList(MERMAID_MAX_EDGES + 1), { onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
  });

  test('too many edges warns with a depth that fits', async () => {
    const result = makeResult({
      roots: [{ id: 'r', title: 'Root', children: Array.from({ length: MERMAID_MAX_EDGES + 1 }, (_, i) => ({ id: String(i), title: `P${i}` })) }],
    });
    const warnings: string[] = [];
    await renderToString('mermaid', result, { onWarning: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${MERMAID_MAX_EDGES + 1} edges, over Mermaid's default maxEdges of ${MERMAID_MAX_EDGES}`);
    expect(warnings[0]).toContain('pass --depth 1 or less');
  });

  test('too much text warns', async () => {
    const result = makeFlatList(400);
    for (const root of result.tree.roots) root.title = 'x'.repeat(150);
    const warnings: string[] = [];
    const text = await renderToString('mermaid', result, { onWarning: (message) => warnings.push(message) });
    expect(text.length).toBeGreaterThan(MERMAID_MAX_TEXT_SIZE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`over Mermaid's default maxTextSize of ${MERMAID_MAX_TEXT_SIZE}`);
    expect(warnings[0]).toContain('even the top level is too large');
  });

  test('deep chain of 100,000 renders without recursion', async () => {
    const warnings: string[] = [];
    const text = await renderToString('mermaid', makeChain(100_000), { onWarning: (message) => warnings.push(message) });
    expect(text.endsWith('  n99999 --> n100000\n')).toBe(true);
    expect(warnings[0]).toContain('pass --depth 501 or less');
  });

  test('any title decodes back from its label', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (title) => {
        const label = escapeMermaidLabel(title);
        expect(label).toMatch(SAFE_LABEL);
        expect(decodeLabel(label)).toBe(escapeControlCharacters(title));
      }),
      { numRuns: 1000 },
    );
  });
});
