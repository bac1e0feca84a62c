/**
 * Runs every export format through the command line, against the simulator
 * over HTTP. The titles are those that break naive exporters: a slash, markup
 * and punctuation, a leading `(` or `=`, and typographic quotes. Two pages
 * share a title under different parents.
 */
import { parse as parseDot } from '@ts-graphviz/ast';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';

import type { SpaceDefinition } from '../../src/simulator/index.js';
import { cli, envFor } from '../support/cli.js';
import { simulate } from '../support/simulator.js';

const TITLES = ['Sales/Marketing', 'What? & <b>bold</b>', '=HYPERLINK("http://x")', '(Leading paren', '“Typographic” quote’s'];

const TRICKY: SpaceDefinition = {
  key: 'ESC',
  name: 'Escaping <space>',
  homepageId: '1',
  pages: [
    { id: '1', title: 'Home', parentId: null, position: 1 },
    ...TITLES.map((title, i) => ({ id: String(i + 2), title, parentId: '1', position: i + 1 })),
    { id: '20', title: 'Meeting notes', parentId: '2', position: 1 },
    { id: '21', title: 'Meeting notes', parentId: '5', position: 1 },
  ],
};

async function exportAs(format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const simulator = await simulate({ flavor: 'cloud', spaces: [TRICKY] });
  return cli(['tree', 'ESC', '--format', format], envFor(simulator));
}

describe('export formats from the command line', () => {
  it('md lists every title once as written', async () => {
    const run = await exportAs('md');
    const text = marked.parse(run.stdout, { async: false });

    expect(run.code).toBe(0);
    expect(text).toContain('<h1>ESC — Escaping &lt;space&gt;</h1>');
    expect(text).toContain('What? &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(text).not.toContain('<b>');
    expect(text.match(/Meeting notes/g)).toHaveLength(2);
    expect(run.stdout).toMatch(/^Fetched \d{4}-\d{2}-\d{2}T[\d:.]+Z, complete\.$/m);
  });

  it('jsonl keeps slash titles as one path element', async () => {
    const run = await exportAs('jsonl');
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line));

    expect(run.code).toBe(0);
    expect(records[0]).toMatchObject({ kind: 'meta', space: { key: 'ESC' }, complete: true });
    const notes = records.filter((record) => record.title === 'Meeting notes');
    expect(notes.map((record) => record.path)).toEqual([
      ['Home', 'Sales/Marketing', 'Meeting notes'],
      ['Home', '(Leading paren', 'Meeting notes'],
    ]);
    expect(records.slice(1).map((record) => record.title)).toEqual(expect.arrayContaining(TITLES));
  });

  it('opml is well-formed and keeps titles', async () => {
    const run = await exportAs('opml');
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'outline' });

    expect(run.code).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const document = parser.parse(run.stdout);
    const home = document.opml.body.outline[0];
    expect(home.outline.map((outline: { text: string }) => outline.text)).toEqual(TITLES);
    expect(document.opml.head.title).toMatch(/^ESC — Escaping <space>, fetched .*, complete$/);
  });

  it('dot parses and has one node per page', async () => {
    const run = await exportAs('dot');
    const ast = parseDot(run.stdout);
    const graph = ast.children.find((child) => child.type === 'Graph')!;
    const nodes = graph.children.filter((child) => child.type === 'Node');
    const edges = graph.children.filter((child) => child.type === 'Edge');

    expect(run.code).toBe(0);
    expect(nodes).toHaveLength(TRICKY.pages.length);
    expect(edges).toHaveLength(TRICKY.pages.length - 1);
    expect(run.stdout).toContain('label=<What? &amp; &lt;b&gt;bold&lt;/b&gt;>');
  });

  it('mermaid labels contain no raw syntax', async () => {
    const run = await exportAs('mermaid');
    const labels = [...run.stdout.matchAll(/^ {2}n\d+\["(.*)"\]$/gm)].map((match) => match[1]!);

    expect(run.code).toBe(0);
    expect(labels).toHaveLength(TRICKY.pages.length);
    expect(labels).toContain('What#63; #38; #60;b#62;bold#60;#47;b#62;');
    expect(labels.every((label) => !/["<>&]/.test(label))).toBe(true);
  });

  it('text heading names fetch time and completeness', async () => {
    const run = await exportAs('text');
    expect(run.stdout.split('\n')[0]).toMatch(/^ESC — Escaping <space> \(fetched \d{4}-\d{2}-\d{2}T[\d:.]+Z, complete\)$/);
  });

  it('large diagram warns on stderr', async () => {
    const simulator = await simulate({ flavor: 'cloud', generate: { key: 'DEMO', pages: 700, seed: 7 } });
    const run = await cli(['tree', 'DEMO', '--format', 'mermaid'], envFor(simulator));

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^conftree: warning: The Mermaid diagram has \d+ edges, over Mermaid's default maxEdges of 500.*pass --depth \d+ or less/m);
  });

  it('unknown format lists every choice', async () => {
    const run = await cli(['tree', 'ESC', '--format', 'yaml'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are text, json, csv, md, mermaid, dot, jsonl, opml');
  });
});
