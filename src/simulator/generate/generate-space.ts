/**
 * Deterministic generation of realistic spaces.
 */
import type { GenerateOptions, SimPage, SpaceDefinition } from '../types.js';
import { createRandom, deriveSeed } from '../random.js';
import { buildShape } from './shape.js';
import { assignTitles } from './titles.js';
import { assignPositions } from './positions.js';
import { assignIds, makeSpaceId } from './ids.js';
import { familyOf } from '../profiles/family.js';

const MAX_GENERATED_NODES = 200_000;

/**
 * Generates a space of exactly `pages` nodes, counting folders, whiteboards,
 * databases and embeds as nodes. The same options always give the same space.
 *
 * Shape: a home page plus 2-4 more top-level pages with subtrees, one chain 12
 * levels deep, mostly 0-8 children per parent with a few hubs of dozens, and
 * from 2000 nodes on one parent with 1000+ children. Cloud spaces also get a
 * top-level folder, a folder nested under a page, a whiteboard with a child
 * page, a database and an embed. A few leaf pages are archived and one is a draft.
 */
export function generateSpace(options: GenerateOptions): SpaceDefinition {
  const key = options.key ?? 'DEMO';
  const seed = options.seed ?? 1;
  // Every Server and Data Center profile shares one data shape, so 'dc-8.5' generates what 'datacenter' does.
  const flavor = familyOf(options.flavor ?? 'cloud');
  const total = options.pages;
  if (!Number.isInteger(total) || total < 0 || total > MAX_GENERATED_NODES) {
    throw new Error(`Invalid page count ${total}: use an integer from 0 to ${MAX_GENERATED_NODES}.`);
  }
  if (!Number.isInteger(seed)) {
    throw new Error(`Invalid seed ${seed}: use an integer.`);
  }
  if (!/^[A-Za-z0-9]+$/.test(key)) {
    throw new Error(`Invalid space key "${key}": use letters and digits only.`);
  }

  const randomFor = (stage: string) => createRandom(deriveSeed(seed, stage, key, flavor));
  const name = `${key.charAt(0).toUpperCase()}${key.slice(1).toLowerCase()} space`;

  const shape = buildShape(total, flavor, randomFor('shape'));
  const titles = assignTitles(shape, name, randomFor('titles'));
  const groups = new Map<number | null, number[]>();
  for (const node of shape) {
    const group = groups.get(node.parent) ?? [];
    group.push(node.index);
    groups.set(node.parent, group);
  }
  const positions = assignPositions(shape.length, [...groups.values()], flavor, randomFor('positions'));
  const idRandom = randomFor('ids');
  const ids = assignIds(shape.length, flavor, idRandom);

  const pages: SimPage[] = shape.map((node) => ({
    id: ids[node.index]!,
    title: titles[node.index]!,
    type: node.type,
    parentId: node.parent === null ? null : ids[node.parent]!,
    position: positions[node.index] ?? null,
    status: node.status,
  }));
  const home = shape.find((node) => node.role === 'home');

  return {
    key,
    name,
    id: makeSpaceId(flavor, idRandom),
    homepageId: home ? ids[home.index]! : null,
    pages,
  };
}
