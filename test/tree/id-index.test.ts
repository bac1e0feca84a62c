import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/tree/id-index.js';
import type { TreeNode } from '../../src/tree/types.js';

function node(id: string, title = `Node ${id}`): TreeNode {
  return { id, title, type: 'page', position: null, status: 'current', depth: 0, parent: null, children: [], isHome: false };
}

function indexOf(ids: string[]): IdIndex {
  return IdIndex.build(ids.map((id) => node(id))).index;
}

describe('IdIndex', () => {
  it('finds numeric ids of every length up to 15 digits', () => {
    const ids = ['0', '7', '65536', '4294967295', '4294967296', '98765432109', '999999999999999'];
    const index = indexOf(ids);
    for (const id of ids) {
      expect(index.get(id)?.id).toBe(id);
    }
    expect(index.size).toBe(ids.length);
  });

  it('misses absent and differently written ids', () => {
    const index = indexOf(['7', '4294967296']);
    expect(index.get('8')).toBeUndefined();
    expect(index.has('07')).toBe(false);
    expect(index.has('7.0')).toBe(false);
    expect(index.has('')).toBe(false);
    expect(index.has('4294967297')).toBe(false);
  });

  it('tells apart ids whose values share their low 32 bits', () => {
    const low = '5';
    const high = String(4294967296 + 5);
    const index = indexOf([low, high]);
    expect(index.get(low)?.id).toBe(low);
    expect(index.get(high)?.id).toBe(high);
  });

  it('falls back to string keys for other ids', () => {
    const ids = ['home', '007', '7', '1234567890123456789', 'folder-1'];
    const index = indexOf(ids);
    for (const id of ids) {
      expect(index.get(id)?.id).toBe(id);
    }
    expect(index.has('1234567890123456780')).toBe(false);
    expect(index.size).toBe(ids.length);
  });

  it('keeps the first node of a duplicate id', () => {
    for (const ids of [
      ['1', '2', '1', '3', '2'],
      ['a', '2', 'a', '3', '2'],
    ]) {
      const nodes = ids.map((id, position) => node(id, `title ${position}`));
      const { index, duplicatePositions } = IdIndex.build(nodes);
      expect(duplicatePositions).toEqual([2, 4]);
      expect(index.size).toBe(3);
      expect(index.get(ids[0]!)?.title).toBe('title 0');
      expect(index.get('2')?.title).toBe('title 1');
      expect([...index.keys()]).toEqual([ids[0], '2', '3']);
    }
  });

  it('iterates in input order like a Map', () => {
    const ids = ['30', '10', '20'];
    const index = indexOf(ids);
    const map = new Map(ids.map((id) => [id, index.get(id)!]));
    expect([...index.keys()]).toEqual([...map.keys()]);
    expect([...index.values()]).toEqual([...map.values()]);
    expect([...index]).toEqual([...map]);
    expect([...index.entries()]).toEqual([...map.entries()]);

    const visited: string[] = [];
    index.forEach((value, key, owner) => {
      expect(value.id).toBe(key);
      expect(owner).toBe(index);
      visited.push(key);
    });
    expect(visited).toEqual(ids);
  });

  it('indexes a large shuffled range', () => {
    const ids = Array.from({ length: 20_000 }, (_, position) => String(3_000_000_000 + position * 7919));
    ids.reverse();
    const index = indexOf(ids);
    ids.forEach((id, position) => {
      expect(index.positionOf(id)).toBe(position);
    });
    expect(index.positionOf(String(3_000_000_001))).toBe(-1);
  });
});
