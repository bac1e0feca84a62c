import { describe, expect, test } from 'vitest';

import { compareSnapshots, hasChanges, longestIncreasingRun, parseSnapshot, renderDiff, SnapshotError, type Snapshot } from '../../src/diff/index.js';
import { renderToString } from '../../src/render/index.js';
import { makeResult, type NodeSpec, type ResultSpec } from '../render/make-result.js';

/** Renders a tree literal with `--format json` and reads it back as a snapshot, as `conftree diff` does with a file. */
async function snapshotOf(file: string, spec: ResultSpec): Promise<Snapshot> {
  const json = await renderToString('json', makeResult(spec));
  return parseSnapshot(file, JSON.parse(json));
}

const SPACE = { key: 'DOCS', name: 'Documentation' };

function page(id: string, title: string, children: NodeSpec[] = []): NodeSpec {
  return { id, title, children };
}

/** Home with Sales/Marketing (two meeting notes), an Archive folder and three guides. */
const BEFORE: NodeSpec[] = [
  {
    ...page('1', 'Home', [
      page('2', 'Sales/Marketing', [page('4', 'Meeting notes'), page('5', 'Budget')]),
      { id: '3', title: 'Archive', type: 'folder', children: [page('6', 'Meeting notes')] },
      page('7', 'Guides', [page('8', 'Install'), page('9', 'Configure'), page('10', 'Upgrade')]),
    ]),
    home: true,
  },
];

describe('compareSnapshots', () => {
  test('identical snapshots have no changes', async () => {
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: BEFORE }));
    expect(hasChanges(diff)).toBe(false);
    expect(renderDiff('text', diff).split('\n')[0]).toBe('DOCS — Documentation: no changes (10 nodes in both)');
  });

  test('added page names its parent path', async () => {
    const after = structuredClone(BEFORE);
    after[0]!.children![1]!.children!.push(page('11', 'Retro'));
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.added).toEqual([{ id: '11', title: 'Retro', type: 'page', parentId: '3', path: ['Home', 'Archive', 'Retro'] }]);
    expect(diff.removed).toEqual([]);
    expect(diff.moved).toEqual([]);
    expect(diff.reordered).toEqual([]);
  });

  test('removed subtree lists every page', async () => {
    const after = structuredClone(BEFORE);
    after[0]!.children!.splice(2, 1);
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.removed.map((removed) => [removed.id, removed.path.join(' › ')])).toEqual([
      ['7', 'Home › Guides'],
      ['8', 'Home › Guides › Install'],
      ['9', 'Home › Guides › Configure'],
      ['10', 'Home › Guides › Upgrade'],
    ]);
    expect(diff.added).toEqual([]);
  });

  test('page moved under a folder keeps its id', async () => {
    const after = structuredClone(BEFORE);
    const sales = after[0]!.children![0]!;
    const moved = sales.children!.shift()!;
    after[0]!.children![1]!.children!.push(moved);
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.moved).toEqual([
      {
        id: '4',
        title: 'Meeting notes',
        type: 'page',
        oldParentId: '2',
        newParentId: '3',
        oldPath: ['Home', 'Sales/Marketing', 'Meeting notes'],
        newPath: ['Home', 'Archive', 'Meeting notes'],
      },
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.renamed).toEqual([]);
    // Budget is now first under Sales/Marketing only because Meeting notes left, which is no reordering.
    expect(diff.reordered).toEqual([]);
  });

  test('page moved to the top level', async () => {
    const after = structuredClone(BEFORE);
    const guides = after[0]!.children!.pop()!;
    after.push(guides);
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.moved).toMatchObject([{ id: '7', oldParentId: '1', newParentId: null, newPath: ['Guides'] }]);
    expect(renderDiff('text', diff)).toContain('~ Guides  [id 7]  from Home  to top level');
  });

  test('renamed page shows both titles', async () => {
    const after = structuredClone(BEFORE);
    after[0]!.children![0]!.title = 'Sales & Marketing';
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.renamed).toEqual([{ id: '2', type: 'page', oldTitle: 'Sales/Marketing', newTitle: 'Sales & Marketing', path: ['Home', 'Sales & Marketing'] }]);
    expect(diff.moved).toEqual([]);
    expect(diff.added).toEqual([]);
  });

  test('moved and renamed page is listed as both', async () => {
    const after = structuredClone(BEFORE);
    const budget = after[0]!.children![0]!.children!.pop()!;
    budget.title = 'Budget 2025';
    after[0]!.children![2]!.children!.push(budget);
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.moved.map((moved) => moved.id)).toEqual(['5']);
    expect(diff.renamed.map((renamed) => [renamed.oldTitle, renamed.newTitle])).toEqual([['Budget', 'Budget 2025']]);
  });

  test('reordering reports the fewest pages', async () => {
    const after = structuredClone(BEFORE);
    const guides = after[0]!.children![2]!;
    // Install, Configure, Upgrade becomes Upgrade, Install, Configure: only Upgrade moved.
    guides.children = [guides.children![2]!, guides.children![0]!, guides.children![1]!];
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));

    expect(diff.reordered).toEqual([{ id: '10', title: 'Upgrade', type: 'page', parentId: '7', parentPath: ['Home', 'Guides'], oldIndex: 2, newIndex: 0 }]);
    expect(diff.moved).toEqual([]);
    expect(renderDiff('text', diff)).toContain('~ Upgrade  [id 10]  in Home › Guides: position 3 → 1');
  });

  test('duplicate titles are told apart by id', async () => {
    const after = structuredClone(BEFORE);
    after[0]!.children![1]!.children![0]!.title = 'Meeting notes (old)';
    const diff = compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));
    expect(diff.renamed.map((renamed) => renamed.id)).toEqual(['6']);
  });

  test('different spaces are rejected', async () => {
    const older = await snapshotOf('old.json', { space: SPACE, roots: BEFORE });
    const newer = await snapshotOf('new.json', { space: { key: 'OPS' }, roots: BEFORE });
    expect(() => compareSnapshots(older, newer)).toThrow(SnapshotError);
    expect(() => compareSnapshots(older, newer)).toThrow('Snapshot old.json is of space DOCS and new.json of space OPS: pass two snapshots of the same space.');
  });

  test('same key on two sites is rejected', async () => {
    const older = await snapshotOf('old.json', { space: { ...SPACE, url: 'https://staging.example.com/wiki/spaces/DOCS' }, roots: BEFORE });
    const newer = await snapshotOf('new.json', { space: { ...SPACE, url: 'https://example.atlassian.net/wiki/spaces/DOCS' }, roots: BEFORE });
    expect(() => compareSnapshots(older, newer)).toThrow('Snapshot old.json is from https://staging.example.com and new.json from https://example.atlassian.net: pass two snapshots of the same site.');
  });

  test('same key with two space ids is rejected', async () => {
    const older = await snapshotOf('old.json', { space: { ...SPACE, id: '1001' }, roots: BEFORE });
    const newer = await snapshotOf('new.json', { space: { ...SPACE, id: '2002' }, roots: BEFORE });
    expect(() => compareSnapshots(older, newer)).toThrow('(ids 1001 and 2002)');
  });

  test('orphan pages compare by missing parent', async () => {
    const older = await snapshotOf('old.json', { space: SPACE, roots: [], orphans: [{ missingParentId: '99', node: page('7', 'Lost page') }] });
    const newer = await snapshotOf('new.json', { space: SPACE, roots: [page('99', 'Found parent', [page('7', 'Lost page')])] });
    const diff = compareSnapshots(older, newer);
    expect(diff.added.map((added) => added.id)).toEqual(['99']);
    expect(diff.moved).toEqual([]);
  });
});

describe('diff reports', () => {
  async function everyKindOfChange() {
    const after = structuredClone(BEFORE);
    const [sales, archive, guides] = after[0]!.children!;
    archive!.children!.push(sales!.children!.shift()!);
    sales!.title = 'Sales & <Marketing>';
    guides!.children = [guides!.children![2]!, guides!.children![0]!, guides!.children![1]!];
    guides!.children.push(page('11', '=1+1 *bold*'));
    after[0]!.children!.push(page('12', 'New top'));
    archive!.children!.splice(0, 1);
    return compareSnapshots(await snapshotOf('old.json', { space: SPACE, roots: BEFORE }), await snapshotOf('new.json', { space: SPACE, roots: after }));
  }

  test('text report starts with the summary', async () => {
    const lines = renderDiff('text', await everyKindOfChange()).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'DOCS — Documentation: 2 added, 1 removed, 1 moved, 1 renamed, 1 reordered',
      'old  old.json: fetched 2025-01-02T03:04:05.000Z, 10 nodes, complete',
      'new  new.json: fetched 2025-01-02T03:04:05.000Z, 11 nodes, complete',
    ]);
    expect(lines).toContain('Moved (1)');
    expect(lines).toContain('  ~ Meeting notes  [id 4]  from Home › Sales/Marketing  to Home › Archive');
    expect(lines).toContain('  ~ "Sales/Marketing" → "Sales & <Marketing>"  [id 2]  in Home');
    expect(lines).toContain('  - Meeting notes  [id 6]  was in Home › Archive');
  });

  test('json report counts and lists each kind', async () => {
    const report = JSON.parse(renderDiff('json', await everyKindOfChange()));
    expect(report.changed).toBe(true);
    expect(report.summary).toEqual({ added: 2, removed: 1, moved: 1, renamed: 1, reordered: 1 });
    expect(report.moved[0]).toMatchObject({ id: '4', oldPath: ['Home', 'Sales/Marketing', 'Meeting notes'], newPath: ['Home', 'Archive', 'Meeting notes'] });
    expect(report.added.map((added: { title: string }) => added.title)).toEqual(['=1+1 *bold*', 'New top']);
  });

  test('markdown report escapes titles once', async () => {
    const markdown = renderDiff('md', await everyKindOfChange());
    expect(markdown.startsWith('# Changes in DOCS — Documentation\n\n2 added, 1 removed, 1 moved, 1 renamed, 1 reordered.\n')).toBe(true);
    expect(markdown).toContain('- **Sales/Marketing** (id 2) → **Sales \\& \\<Marketing\\>** in Home');
    expect(markdown).toContain('- **\\=1+1 \\*bold\\*** (id 11) in Home › Guides');
  });
});

describe('longestIncreasingRun', () => {
  test.each([
    [[], []],
    [[0, 1, 2], [0, 1, 2]],
    [[2, 0, 1], [1, 2]],
    [[1, 0], [1]],
    [[3, 1, 2, 0, 4], [1, 2, 4]],
  ])('%j keeps positions %j', (values, expected) => {
    expect([...longestIncreasingRun(values)].sort((a, b) => a - b)).toEqual(expected);
  });
});
