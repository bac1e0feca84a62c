/**
 * Explains, and where possible repairs, subtrees whose parent never arrived:
 * each missing parent is read once by id (`missing-parents.ts`). A parent
 * that the listing lost is put back; the others get an explanation that the
 * `missing-parent` warning carries, such as "it is archived".
 */
import { readContainers } from '../cloud/containers.js';
import type { StrategyContext } from '../context.js';
import { UNKNOWN_PARENT } from '../datacenter/strategy.js';
import type { Flavor, SpaceInfo, UnreadableNode } from '../types.js';
import { buildTree } from '../../tree/build.js';
import type { PageRecord, Tree } from '../../tree/types.js';
import { MAX_PARENT_READS, readMissingParent, type ParentFinding } from './missing-parents.js';

export interface OrphanFindings {
  /** The records with every lost parent put back. */
  records: PageRecord[];
  /** Ids of parents that the listing lost and a read found. */
  lost: string[];
  /** Explanations of the reads of missing parents, by parent id. */
  explanations: Map<string, string>;
  unreadable: UnreadableNode[];
}

/** Returns a function that picks a page's parent from its ancestor ids: the deepest one already in the tree. */
function deepestKnown(tree: Tree): (ancestorIds: string[]) => string | null {
  return (ancestorIds) => {
    let best: string | null = null;
    let bestDepth = -1;
    for (const id of ancestorIds) {
      const depth = tree.byId.get(id)?.depth ?? -1;
      if (depth > bestDepth) {
        best = id;
        bestDepth = depth;
      }
    }
    return best ?? ancestorIds[ancestorIds.length - 1] ?? null;
  };
}

function explain(finding: ParentFinding, id: string): string {
  switch (finding.kind) {
    case 'lost':
      return `the listing lost it: a read of ${id} found it and put it back`;
    case 'not-listed':
      return `a read of ${id} shows that ${finding.explanation}`;
    case 'unreadable':
      return `a read of ${id} returned HTTP ${finding.httpStatus}: it is restricted or deleted`;
    case 'failed':
      return `a read of ${id} failed: ${finding.message}`;
  }
}

/**
 * Reads the missing parents of `tree`, round by round, since a parent put
 * back can have a missing parent of its own. Stops after `MAX_PARENT_READS`
 * reads. Parents in `explained` are not read again, because the strategy
 * already tried, and the map contains the explanation.
 */
export async function settleOrphans(
  context: StrategyContext,
  flavor: Flavor,
  space: SpaceInfo,
  records: PageRecord[],
  tree: Tree,
  explained: ReadonlyMap<string, string>,
): Promise<OrphanFindings> {
  // A parent that the strategy already failed to read needs no second read.
  const findings: OrphanFindings = { records, lost: [], explanations: new Map(explained), unreadable: [] };
  let current = tree;
  let reads = 0;

  for (;;) {
    const missing = [...new Set(current.orphans.map((orphan) => orphan.missingParentId))]
      .filter((id) => id !== UNKNOWN_PARENT && !findings.explanations.has(id))
      .slice(0, MAX_PARENT_READS - reads);
    if (missing.length === 0) {
      return findings;
    }
    reads += missing.length;

    const parentIn = deepestKnown(current);
    const results = await Promise.all(missing.map((id) => readMissingParent(context, flavor, id, space, parentIn)));
    const added: PageRecord[] = [];
    missing.forEach((id, index) => {
      const finding = results[index] as ParentFinding;
      findings.explanations.set(id, explain(finding, id));
      if (finding.kind === 'lost') {
        added.push(finding.record);
        findings.lost.push(id);
      } else if (finding.kind === 'unreadable') {
        findings.unreadable.push({ id, title: '', reason: `HTTP ${finding.httpStatus} when the missing parent was read` });
      }
    });
    const containers = results.flatMap((finding) => (finding.kind === 'lost' && finding.container !== undefined ? [finding.container] : []));
    if (containers.length > 0) {
      const known = new Set([...findings.records, ...added].map((record) => record.id));
      added.push(...(await readContainers(context, containers, known)).records);
    }
    if (added.length === 0) {
      return findings;
    }
    findings.records = [...findings.records, ...added];
    current = buildTree(findings.records, current.homepageId).tree;
  }
}
