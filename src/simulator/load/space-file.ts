/**
 * Space files: JSON that a user writes to serve their own content.
 *
 * `{ "spaces": [ { "key", "name"?, "id"?, "homepageId"?, "pages": [ { "id",
 * "title", "parentId", "type"?, "position"?, "status"?, "access"? } ] } ] }`.
 * A single space object without the `spaces` wrapper is accepted too. Every
 * problem is reported as one line naming the file, the field and the fix.
 */
import { readFile } from 'node:fs/promises';
import type { SimPage, SpaceDefinition } from '../types.js';

const SPACE_FIELDS = ['key', 'name', 'id', 'homepageId', 'pages'];
const PAGE_FIELDS = ['id', 'title', 'parentId', 'type', 'position', 'status', 'access'];

/** An invalid space file; the message is one line: `FILE: FIELD: problem; fix`. */
export class SpaceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpaceFileError';
  }
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads and validates a space file. Throws SpaceFileError. */
export async function loadSpaceFile(path: string): Promise<SpaceDefinition[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SpaceFileError(`${path}: could not read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path.`);
  }
  let parsed: Json;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SpaceFileError(`${path}: invalid JSON (${(error as Error).message}); fix the syntax.`);
  }
  return parseSpaceFile(parsed, path);
}

/** Validates the parsed content of a space file named `source`. Throws SpaceFileError. */
export function parseSpaceFile(parsed: Json, source: string): SpaceDefinition[] {
  const fail = (field: string, problem: string): never => {
    throw new SpaceFileError(`${source}: ${field}: ${problem}.`);
  };
  if (!isObject(parsed)) {
    return fail('(top level)', 'expected an object with a "spaces" array or a single space; got ' + describe(parsed));
  }
  if (!('spaces' in parsed)) {
    return [parseSpace(parsed, 'space', fail)];
  }
  const spaces = parsed.spaces;
  if (!Array.isArray(spaces) || spaces.length === 0) {
    return fail('spaces', `expected a non-empty array of spaces; got ${describe(spaces)}`);
  }
  return spaces.map((space, index) => parseSpace(space, `spaces[${index}]`, fail));
}

type Fail = (field: string, problem: string) => never;

function parseSpace(value: Json, where: string, fail: Fail): SpaceDefinition {
  if (!isObject(value)) {
    return fail(where, `expected an object with "key" and "pages"; got ${describe(value)}`);
  }
  rejectUnknownFields(value, SPACE_FIELDS, where, fail);
  if (typeof value.key !== 'string' || !/^[A-Za-z0-9~]+$/.test(value.key)) {
    fail(`${where}.key`, `expected a space key of letters and digits such as "DEV"; got ${describe(value.key)}`);
  }
  if (value.name !== undefined && typeof value.name !== 'string') {
    fail(`${where}.name`, `expected a string; got ${describe(value.name)}`);
  }
  if (value.id !== undefined && (typeof value.id !== 'string' || !/^[0-9]+$/.test(value.id))) {
    fail(`${where}.id`, `expected a numeric string such as "98305"; got ${describe(value.id)}`);
  }
  if (value.homepageId !== undefined && value.homepageId !== null && typeof value.homepageId !== 'string') {
    fail(`${where}.homepageId`, `expected a page id string or null; got ${describe(value.homepageId)}`);
  }
  if (!Array.isArray(value.pages)) {
    return fail(`${where}.pages`, `expected an array of pages; got ${describe(value.pages)}`);
  }
  const pages = value.pages.map((page, index) => parsePage(page, `${where}.pages[${index}]`, fail));
  return { ...(value as unknown as SpaceDefinition), pages };
}

function parsePage(value: Json, where: string, fail: Fail): SimPage {
  if (!isObject(value)) {
    return fail(where, `expected an object with "id", "title" and "parentId"; got ${describe(value)}`);
  }
  rejectUnknownFields(value, PAGE_FIELDS, where, fail);
  if (typeof value.id !== 'string' || !/^(0|[1-9][0-9]*)$/.test(value.id)) {
    fail(`${where}.id`, `expected a numeric string such as "65601"; got ${describe(value.id)}`);
  }
  if (typeof value.title !== 'string' || value.title === '') {
    fail(`${where}.title`, `expected a non-empty string; got ${describe(value.title)}`);
  }
  if (!('parentId' in value) || (value.parentId !== null && typeof value.parentId !== 'string')) {
    fail(`${where}.parentId`, `expected a parent id string, or null for a top-level page; got ${describe(value.parentId)}`);
  }
  if (value.position !== undefined && value.position !== null && !Number.isInteger(value.position)) {
    fail(`${where}.position`, `expected an integer or null; got ${describe(value.position)}`);
  }
  checkChoice(value, 'type', ['page', 'folder', 'whiteboard', 'database', 'embed'], where, fail);
  checkChoice(value, 'status', ['current', 'archived', 'draft', 'trashed'], where, fail);
  checkChoice(value, 'access', ['visible', 'hidden', 'unreadable'], where, fail);
  return value as unknown as SimPage;
}

function checkChoice(value: Record<string, Json>, field: string, allowed: readonly string[], where: string, fail: Fail): void {
  const chosen = value[field];
  if (chosen !== undefined && !(typeof chosen === 'string' && allowed.includes(chosen))) {
    fail(`${where}.${field}`, `expected one of ${allowed.join(', ')}; got ${describe(chosen)}`);
  }
}

function rejectUnknownFields(value: Record<string, Json>, known: readonly string[], where: string, fail: Fail): void {
  const unknown = Object.keys(value).find((field) => !known.includes(field));
  if (unknown !== undefined) {
    fail(`${where}.${unknown}`, `unknown field; valid fields are ${known.join(', ')}`);
  }
}
