/**
 * Query parameter parsing shared by the handlers. Invalid values raise an
 * HttpError 400 that names the parameter and the accepted values.
 */
import { HttpError } from './errors.js';

/** Returns the request's query parameters in their original order. */
export function readQuery(requestUrl: string): URLSearchParams {
  return new URL(requestUrl).searchParams;
}

/**
 * Returns the values of a list parameter, which may be repeated
 * (`status=a&status=b`) or comma-separated (`status=a,b`). Empty items are dropped.
 */
export function readList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/** Returns the integer value of `name`, or `fallback` when the parameter is absent or empty. */
export function readInteger(query: URLSearchParams, name: string, fallback: number, minimum: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  if (!/^-?[0-9]+$/.test(raw)) {
    throw new HttpError(400, `Invalid ${name} "${raw}": use an integer.`);
  }
  const value = Number(raw);
  if (value < minimum) {
    throw new HttpError(400, `Invalid ${name} ${value}: the minimum is ${minimum}.`);
  }
  return value;
}

/** Returns the value of `name` when it is one of `allowed`, `fallback` when absent. */
export function readChoice<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new HttpError(400, `Invalid ${name} "${raw}": use one of ${allowed.join(', ')}.`);
  }
  return raw as T;
}

/** Returns the list values of `name`, all of which must be in `allowed`; `fallback` when absent. */
export function readChoices<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: readonly T[],
): T[] {
  const values = readList(query, name);
  if (values.length === 0) {
    return [...fallback];
  }
  const invalid = values.find((value) => !(allowed as readonly string[]).includes(value));
  if (invalid !== undefined) {
    throw new HttpError(400, `Invalid ${name} "${invalid}": use one of ${allowed.join(', ')}.`);
  }
  return values as T[];
}

/** Returns the query without the named parameters, keeping the order of the rest. */
export function withoutParams(query: URLSearchParams, names: readonly string[]): [string, string][] {
  return [...query.entries()].filter(([name]) => !names.includes(name));
}

/** Rejects a path id that is not a numeric string. */
export function requireNumericId(id: string, what: string): string {
  if (!/^[0-9]+$/.test(id)) {
    throw new HttpError(400, `Invalid ${what} id "${id}": use a numeric id.`);
  }
  return id;
}
