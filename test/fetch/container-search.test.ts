import { describe, expect, it } from 'vitest';
import { settleContainers, type ContainerRow } from '../../src/fetch/cloud/container-search.js';
import type { PageRecord } from '../../src/tree/types.js';

function page(id: string, parentId: string | null): PageRecord {
  return { id, title: `Page ${id}`, type: 'page', parentId, position: 0, status: 'current' };
}

function folder(id: string, ancestors: Array<[string, string]>, position: number | string = 0): ContainerRow {
  return {
    ref: { id, type: 'folder' },
    title: `Folder ${id}`,
    status: 'current',
    position,
    ancestors: ancestors.map(([ancestorId, type]) => ({ id: ancestorId, type })),
    url: undefined,
  };
}

describe('settleContainers', () => {
  it('takes the ancestor one level up as parent, in any order', () => {
    const pages = [page('1', null), page('2', '1')];
    const rows = [folder('10', [['2', 'page'], ['1', 'page']]), folder('11', [['10', 'folder'], ['1', 'page'], ['2', 'page']])];
    const settled = settleContainers(rows, pages);

    expect(settled.records.map((record) => [record.id, record.parentId])).toEqual([
      ['10', '2'],
      ['11', '10'],
    ]);
    expect(settled.unsettled).toEqual([]);
    expect(settled.parentRefs).toEqual([{ id: '10', type: 'folder' }]);
  });

  it('puts a row without ancestors at the top', () => {
    const settled = settleContainers([folder('10', [])], []);

    expect(settled.records[0]?.parentId).toBeNull();
  });

  it('leaves rows without a position to a read by id', () => {
    const withoutPosition = { ...folder('10', [['1', 'page']]), position: undefined };
    const settled = settleContainers([withoutPosition, folder('11', [['1', 'page']], 'none')], [page('1', null)]);

    expect(settled.unsettled).toEqual([{ id: '10', type: 'folder' }]);
    expect(settled.records.map((record) => [record.id, record.position])).toEqual([['11', null]]);
  });

  it('leaves rows whose ancestors do not settle to a read by id', () => {
    // Page 2's parent never arrived, so neither 1 nor 2 has a known depth.
    const settled = settleContainers([folder('10', [['1', 'page'], ['2', 'page']])], [page('2', '404')]);

    expect(settled.records).toEqual([]);
    expect(settled.unsettled).toEqual([{ id: '10', type: 'folder' }]);
  });
});
