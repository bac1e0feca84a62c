import { describe, expect, test } from 'vitest';
import { generateSpace, type SimPage, type SpaceDefinition } from '../../src/simulator/index.js';
import { SPECIAL_TITLES } from '../../src/simulator/generate/titles.js';

function childrenByParent(space: SpaceDefinition): Map<string | null, SimPage[]> {
  const groups = new Map<string | null, SimPage[]>();
  for (const page of space.pages) {
    const group = groups.get(page.parentId) ?? [];
    group.push(page);
    groups.set(page.parentId, group);
  }
  return groups;
}

function maxDepth(space: SpaceDefinition): number {
  const byId = new Map(space.pages.map((page) => [page.id, page]));
  let deepest = 0;
  for (const page of space.pages) {
    let levels = 1;
    for (let parent = page.parentId; parent !== null; parent = byId.get(parent)!.parentId) {
      levels++;
    }
    deepest = Math.max(deepest, levels);
  }
  return deepest;
}

describe('generateSpace', () => {
  const cloud = generateSpace({ pages: 300, seed: 7, flavor: 'cloud' });
  const dataCenter = generateSpace({ pages: 300, seed: 7, flavor: 'datacenter' });

  test('same seed gives the same space', () => {
    expect(generateSpace({ pages: 300, seed: 7, flavor: 'cloud' })).toEqual(cloud);
  });

  test('different seed gives another space', () => {
    const other = generateSpace({ pages: 300, seed: 8, flavor: 'cloud' });
    expect(other.pages.map((page) => page.id)).not.toEqual(cloud.pages.map((page) => page.id));
  });

  test.each([0, 1, 5, 12, 40, 300, 2001])('exactly %i nodes', (count) => {
    expect(generateSpace({ pages: count, flavor: 'cloud' }).pages).toHaveLength(count);
    expect(generateSpace({ pages: count, flavor: 'datacenter' }).pages).toHaveLength(count);
  });

  test('ids are unique numeric strings', () => {
    const ids = cloud.pages.map((page) => page.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[1-9][0-9]*$/);
    }
  });

  test('id order differs from tree order', () => {
    const groups = childrenByParent(cloud);
    const preorder: string[] = [];
    const visit = (parent: string | null) => {
      for (const child of groups.get(parent) ?? []) {
        preorder.push(child.id);
        visit(child.id);
      }
    };
    visit(null);
    const byValue = [...preorder].sort((a, b) => Number(a) - Number(b));
    expect(preorder).not.toEqual(byValue);
  });

  test('home page and several rooted subtrees', () => {
    const groups = childrenByParent(cloud);
    const roots = groups.get(null)!;
    const home = roots.find((page) => page.id === cloud.homepageId);
    expect(home?.title).toBe('Demo space Home');
    const topPages = roots.filter((page) => page.type === 'page');
    expect(topPages.length).toBeGreaterThanOrEqual(3);
    expect(topPages.length).toBeLessThanOrEqual(5);
    for (const top of topPages) {
      expect(groups.get(top.id)?.length ?? 0).toBeGreaterThan(0);
    }
  });

  test('depth reaches 12 levels', () => {
    expect(maxDepth(cloud)).toBe(12);
    expect(maxDepth(dataCenter)).toBe(12);
  });

  test('fan-out is skewed', () => {
    const fanOut = [...childrenByParent(cloud).entries()].filter(([parent]) => parent !== null).map(([, kids]) => kids.length);
    const small = fanOut.filter((count) => count <= 8).length;
    expect(small / fanOut.length).toBeGreaterThan(0.9);
    expect(Math.max(...fanOut)).toBeGreaterThanOrEqual(24);
  });

  test('one parent has 1000+ children at 2000 pages', () => {
    const big = generateSpace({ pages: 2000, seed: 3 });
    const fanOut = [...childrenByParent(big).values()].map((kids) => kids.length);
    expect(Math.max(...fanOut)).toBeGreaterThanOrEqual(1000);
    const small = generateSpace({ pages: 1999, seed: 3 });
    expect(Math.max(...[...childrenByParent(small).values()].map((kids) => kids.length))).toBeLessThan(1000);
  });

  test('special titles are present', () => {
    const titles = new Set(cloud.pages.map((page) => page.title));
    for (const special of SPECIAL_TITLES) {
      expect(titles).toContain(special);
    }
    expect(titles).toContain('Sales/Marketing');
    expect(titles).toContain('Überblick');
    expect(titles).toContain('日本語の設計');
  });

  test('Meeting notes under different parents', () => {
    const meetingNotes = cloud.pages.filter((page) => page.title === 'Meeting notes');
    expect(meetingNotes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(meetingNotes.map((page) => page.parentId)).size).toBe(meetingNotes.length);
  });

  test('sibling titles are unique ignoring case', () => {
    for (const space of [cloud, dataCenter, generateSpace({ pages: 3000, seed: 2 })]) {
      for (const siblings of childrenByParent(space).values()) {
        const titles = siblings.map((page) => page.title.toLowerCase());
        expect(new Set(titles).size).toBe(titles.length);
      }
    }
  });

  test('cloud has folders and a whiteboard with children', () => {
    const byId = new Map(cloud.pages.map((page) => [page.id, page]));
    const groups = childrenByParent(cloud);
    const folders = cloud.pages.filter((page) => page.type === 'folder');
    expect(folders.some((folder) => folder.parentId === null)).toBe(true);
    expect(folders.some((folder) => folder.parentId !== null && byId.get(folder.parentId)?.type === 'page')).toBe(true);
    for (const folder of folders) {
      expect(groups.get(folder.id)?.some((child) => child.type === 'page')).toBe(true);
    }
    const whiteboard = cloud.pages.find((page) => page.type === 'whiteboard');
    expect(groups.get(whiteboard!.id)?.length).toBeGreaterThan(0);
  });

  test('data center has pages only', () => {
    expect(new Set(dataCenter.pages.map((page) => page.type))).toEqual(new Set(['page']));
  });

  test('a few archived pages and one draft', () => {
    for (const space of [cloud, dataCenter]) {
      expect(space.pages.filter((page) => page.status === 'archived')).toHaveLength(3);
      expect(space.pages.filter((page) => page.status === 'draft')).toHaveLength(1);
    }
  });

  test('cloud positions are large with null groups', () => {
    const groups = [...childrenByParent(cloud).values()];
    const positions = cloud.pages.map((page) => page.position).filter((position): position is number => typeof position === 'number');
    expect(Math.max(...positions)).toBeGreaterThan(1000);
    expect(groups.some((group) => group.length >= 2 && group.every((page) => page.position === null))).toBe(true);
    expect(
      groups.some((group) => group.length >= 3 && group.filter((page) => page.position !== null).length === 1),
    ).toBe(true);
  });

  test('data center positions are small integers', () => {
    const groups = [...childrenByParent(dataCenter).values()];
    for (const group of groups) {
      for (const page of group) {
        if (page.position !== null && page.position !== undefined) {
          expect(page.position).toBeGreaterThanOrEqual(0);
          expect(page.position).toBeLessThan(group.length);
        }
      }
    }
    expect(groups.some((group) => group.length >= 2 && group.every((page) => page.position === null))).toBe(true);
  });

  test.each(['cloud', 'datacenter'] as const)('invariants hold across seeds on %s', (flavor) => {
    for (let seed = 1; seed <= 25; seed++) {
      const space = generateSpace({ pages: 150, seed, flavor });
      const ids = new Set(space.pages.map((page) => page.id));
      expect(space.pages).toHaveLength(150);
      expect(ids.size).toBe(150);
      expect(maxDepth(space)).toBeLessThanOrEqual(12);
      for (const page of space.pages) {
        expect(page.parentId === null || ids.has(page.parentId)).toBe(true);
      }
      for (const siblings of childrenByParent(space).values()) {
        expect(new Set(siblings.map((page) => page.title.toLowerCase())).size).toBe(siblings.length);
        if (flavor === 'datacenter') {
          for (const page of siblings) {
            expect(page.position ?? 0).toBeLessThan(siblings.length);
          }
        }
      }
    }
  });

  test('invalid page count is rejected', () => {
    expect(() => generateSpace({ pages: -1 })).toThrow(/Invalid page count -1/);
    expect(() => generateSpace({ pages: 2.5 })).toThrow(/Invalid page count/);
  });
});
