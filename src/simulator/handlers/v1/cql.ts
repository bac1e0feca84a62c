/**
 * The subset of CQL that the simulator's `content/search` understands:
 * clauses `space = KEY`, `type = TYPE`, `type in (TYPE, ...)`, `ancestor = ID`,
 * `parent = ID` and `lastmodified >= "YYYY-MM-DD"` (or `>`, both taken as "on
 * or after", in UTC), joined by AND (any case), values bare or in single or
 * double quotes, and an optional trailing
 * `ORDER BY created|lastmodified|title [ASC|DESC]`. TYPE is one of the tree's
 * node types: page, folder, whiteboard, database or embed. Anything else
 * raises HttpError 400.
 */
import { HttpError } from '../../http/errors.js';

/** Content types that a `type` clause may name. */
export const CQL_TYPES = ['page', 'folder', 'whiteboard', 'database', 'embed'] as const;

export type CqlType = (typeof CQL_TYPES)[number];

export interface CqlFilter {
  spaceKey?: string;
  /** Types from a `type` clause; without one, search returns pages only. */
  types?: CqlType[];
  ancestorId?: string;
  parentId?: string;
  /** Epoch milliseconds of the `lastmodified` bound. */
  modifiedAfterMs?: number;
  orderBy?: { field: 'created' | 'lastmodified' | 'title'; descending: boolean };
}

const ORDER_BY = /\s+order\s+by\s+(created|lastmodified|title)(?:\s+(asc|desc))?\s*$/i;

const CLAUSE = /\s*([A-Za-z]+)\s*(>=|>|=)\s*(?:"([^"]*)"|'([^']*)'|([^\s"'()]+))\s*/y;
const IN_CLAUSE = /\s*([A-Za-z]+)\s+in\s*\(([^()]*)\)\s*/iy;
const AND = /and\b/iy;

function unquote(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2');
}

export function parseCql(fullCql: string): CqlFilter {
  const filter: CqlFilter = {};
  const order = ORDER_BY.exec(fullCql);
  const cql = order === null ? fullCql : fullCql.slice(0, order.index);
  if (order !== null) {
    filter.orderBy = { field: order[1]!.toLowerCase() as 'created' | 'lastmodified' | 'title', descending: order[2]?.toLowerCase() === 'desc' };
  }
  const unsupported = (reason: string) =>
    new HttpError(400, `Could not parse cql "${cql}": ${reason}. The simulator supports space, type = page, ancestor, parent and lastmodified >= DATE joined by AND.`);

  let position = 0;
  for (;;) {
    IN_CLAUSE.lastIndex = position;
    const list = IN_CLAUSE.exec(cql);
    if (list !== null) {
      position = IN_CLAUSE.lastIndex;
      if (list[1]!.toLowerCase() !== 'type') {
        throw unsupported(`operator IN is supported only for type`);
      }
      addTypes(filter, list[2]!.split(',').map(unquote), unsupported);
    } else {
      CLAUSE.lastIndex = position;
      const match = CLAUSE.exec(cql);
      if (!match) {
        throw unsupported(`expected "field = value" at character ${position}`);
      }
      position = CLAUSE.lastIndex;
      const field = match[1]!.toLowerCase();
      const operator = match[2]!;
      const value = match[3] ?? match[4] ?? match[5] ?? '';
      if ((operator === '=') === (field === 'lastmodified')) {
        throw unsupported(`operator ${operator} is not supported for ${field}`);
      }
      addClause(filter, field, value, unsupported);
    }

    if (position >= cql.length) {
      return filter;
    }
    AND.lastIndex = position;
    if (!AND.test(cql)) {
      throw unsupported(`expected AND at character ${position}`);
    }
    position = AND.lastIndex;
  }
}

function addClause(filter: CqlFilter, field: string, value: string, unsupported: (reason: string) => HttpError): void {
  const repeated = () => unsupported(`field ${field} appears twice`);
  if (field === 'space') {
    if (filter.spaceKey !== undefined) throw repeated();
    filter.spaceKey = value;
  } else if (field === 'type') {
    addTypes(filter, [value], unsupported);
  } else if (field === 'ancestor' || field === 'parent') {
    if (!/^[0-9]+$/.test(value)) throw unsupported(`${field} must be a numeric content id`);
    if (field === 'ancestor') {
      if (filter.ancestorId !== undefined) throw repeated();
      filter.ancestorId = value;
    } else {
      if (filter.parentId !== undefined) throw repeated();
      filter.parentId = value;
    }
  } else if (field === 'lastmodified') {
    if (filter.modifiedAfterMs !== undefined) throw repeated();
    const ms = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(ms)) throw unsupported(`lastmodified must be a date such as "2024-01-31"`);
    filter.modifiedAfterMs = ms;
  } else {
    throw unsupported(`field "${field}" is not supported`);
  }
}

function addTypes(filter: CqlFilter, values: string[], unsupported: (reason: string) => HttpError): void {
  if (filter.types !== undefined) {
    throw unsupported('field type appears twice');
  }
  const types = values.map((value) => value.toLowerCase());
  const unknown = types.find((type) => !(CQL_TYPES as readonly string[]).includes(type));
  if (unknown !== undefined) {
    throw unsupported(`type "${unknown}" is not supported`);
  }
  filter.types = types as CqlType[];
}
