/**
 * Only plain JSON-shaped data crosses into main. Electron hands the router a structured clone
 * of what page script sent, and a structured clone keeps what zod would wave through: a Date,
 * Map, Set or RegExp parses as an empty object, NaN and Infinity are numbers, a `__proto__` key
 * is dropped by zod's records while the rest of the call goes ahead. So before its schema a
 * request is walked once, and the first thing that is not plain data is named by its path.
 */

/** Keys that name a prototype: refused at any depth (a lookup by them would reach Object.prototype). */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any method's arguments go; a cycle (a structured clone keeps them) ends here too. */
export const MAX_DEPTH = 16;
/** Values in one request: above the largest legitimate one (a selection of 200,000 asset ids). */
export const MAX_NODES = 250_000;

export interface PlainDataProblem {
  /** Where, as a JSON path: `$.filter.ids[3]`. */
  path: string;
  /** What is wrong there, in words. */
  what: string;
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

/** What a non-plain object is, for the message: its constructor's name when it has one. */
function kindOf(value: object): string {
  if (typeof value === 'function') return 'a function';
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? 'an object with a prototype of its own' : `a ${tag}`;
}

/**
 * The first part of `value` that is not plain data, or null when all of it is: null, booleans,
 * finite numbers, strings, undefined (an optional field left out), arrays and objects whose
 * prototype is Array.prototype / Object.prototype / null, with no prototype-naming key.
 */
export function plainDataProblem(value: unknown): PlainDataProblem | null {
  let nodes = 0;
  const walk = (v: unknown, path: string, depth: number): PlainDataProblem | null => {
    nodes++;
    if (nodes > MAX_NODES) return { path, what: `the request holds more than ${MAX_NODES.toLocaleString('en-GB')} values` };
    if (v === null || v === undefined) return null;
    switch (typeof v) {
      case 'boolean':
      case 'string':
        return null;
      case 'number':
        return Number.isFinite(v) ? null : { path, what: `${String(v)} is not a finite number` };
      case 'bigint':
        return { path, what: 'a BigInt is not plain data' };
      case 'symbol':
        return { path, what: 'a Symbol is not plain data' };
      case 'function':
        return { path, what: 'a function is not plain data' };
      default:
        break;
    }
    const object = v as object;
    if (depth >= MAX_DEPTH) return { path, what: `nested more than ${MAX_DEPTH} levels deep` };
    if (Array.isArray(object)) {
      if (Object.getPrototypeOf(object) !== Array.prototype) return { path, what: `${kindOf(object)} is not plain data` };
      for (let i = 0; i < object.length; i++) {
        const problem = walk(object[i], pathOf(path, i), depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) return { path, what: `${kindOf(object)} is not plain data` };
    for (const key of Reflect.ownKeys(object)) {
      if (typeof key === 'symbol') return { path, what: 'a Symbol key is not plain data' };
      if (PROTOTYPE_KEYS.has(key)) return { path: pathOf(path, key), what: `the key "${key}" is not allowed` };
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (descriptor === undefined) continue;
      if (!('value' in descriptor)) return { path: pathOf(path, key), what: 'an accessor property is not plain data' };
      const problem = walk(descriptor.value, pathOf(path, key), depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  return walk(value, '$', 0);
}
