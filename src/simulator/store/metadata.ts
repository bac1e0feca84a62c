/**
 * Metadata that Confluence returns but `SimPage` does not define: creation
 * time, version, author. Each value is derived from the node id, so the same
 * definition always yields the same responses.
 */
import { deriveSeed } from '../random.js';

export interface NodeMetadata {
  /** Creation time in epoch milliseconds. */
  createdMs: number;
  /** Time of the current version in epoch milliseconds. */
  modifiedMs: number;
  versionNumber: number;
  /** Atlassian account id of the author (Cloud format). */
  authorId: string;
  /** Username of the author (Server/Data Center format). */
  authorUsername: string;
}

const AUTHORS = [
  { accountId: '557058:3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', username: 'akowalski' },
  { accountId: '5b10ac8d82e05b22cc7d4ef5', username: 'mlindqvist' },
  { accountId: '5d1b9e6f4c2a8b0013e7f2a1', username: 'tnakamura' },
  { accountId: '712020:9c8b7a6f-5e4d-4c3b-a291-807f6e5d4c3b', username: 'oadeyemi' },
];

const FIRST_CREATED_MS = Date.UTC(2019, 0, 7, 9, 0, 0);
const CREATION_SPREAD_MINUTES = 5 * 365 * 24 * 60;
const EDIT_SPREAD_MINUTES = 400 * 24 * 60;
const MINUTE_MS = 60_000;

export function deriveMetadata(id: string): NodeMetadata {
  const createdMs = FIRST_CREATED_MS + (deriveSeed(0, 'created', id) % CREATION_SPREAD_MINUTES) * MINUTE_MS;
  const modifiedMs = createdMs + (deriveSeed(0, 'modified', id) % EDIT_SPREAD_MINUTES) * MINUTE_MS;
  const author = AUTHORS[deriveSeed(0, 'author', id) % AUTHORS.length] ?? AUTHORS[0]!;
  return {
    createdMs,
    modifiedMs,
    versionNumber: 1 + (deriveSeed(0, 'version', id) % 9),
    authorId: author.accountId,
    authorUsername: author.username,
  };
}
