/**
 * fast-check arbitraries derived from the contract itself: each method's zod schema is turned
 * into its JSON Schema (zod's own toJSONSchema) and that into an arbitrary, so a field added to
 * the contract is fuzzed without anyone writing a generator for it. On top of the valid shapes,
 * hostile mutations: a value anywhere replaced by one that is wrong in type or hostile while valid
 * in shape, an unknown key, a missing one, or something that is not plain data at all.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { METHODS, type MethodName } from '@shared/contract';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Longest string and array generated from a schema: the huge ones come from the hostile values. */
const GENERATED_STRING = 40;
const GENERATED_ITEMS = 4;

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? GENERATED_STRING, GENERATED_STRING));
  if (schema.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 320));
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e6);
  if (integer) {
    const min = Math.max(Math.ceil(low), Number.MIN_SAFE_INTEGER);
    const max = Math.min(Math.floor(high), Number.MAX_SAFE_INTEGER);
    // Small values matter most (ids that exist, offsets in range): weight them.
    return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 20)) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 });
  }
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary producing values of the JSON Schema's shape (refinements zod cannot express are not followed). */
export function arbitraryOf(schema: JsonSchema | boolean | undefined): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true || schema === false) return fc.jsonValue({ maxDepth: 2 });
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const options = schema.anyOf ?? schema.oneOf;
  if (options !== undefined) return fc.oneof(...options.map((option) => arbitraryOf(option)));
  if (schema.allOf !== undefined && schema.allOf[0] !== undefined) return arbitraryOf(schema.allOf[0]);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type })));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? GENERATED_ITEMS, GENERATED_ITEMS))
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const fixed = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value)])),
        { requiredKeys: (schema.required ?? []).filter((key) => key in properties) }
      );
      if (typeof schema.additionalProperties !== 'object') return fixed;
      const extra = fc.dictionary(stringOf(schema.propertyNames ?? { type: 'string', maxLength: 20 }), arbitraryOf(schema.additionalProperties), { maxKeys: 3 });
      return fc.tuple(fixed, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const argumentArbitraries = new Map<MethodName, fc.Arbitrary<unknown>>();

/** Each method's arguments, valid in shape, derived from its schema (built once per method). */
export function argumentsOf(method: MethodName): fc.Arbitrary<unknown> {
  let arbitrary = argumentArbitraries.get(method);
  if (arbitrary === undefined) {
    arbitrary = arbitraryOf(z.toJSONSchema(METHODS[method], { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    argumentArbitraries.set(method, arbitrary);
  }
  return arbitrary;
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = depth % 2 ? [value] : { a: value };
  return value;
}

/**
 * Values wrong in type or hostile while valid in shape. `paths` are the file probes the test set
 * up (a FIFO, devices, a folder), granted as if the user had chosen them.
 */
export function hostileValue(paths: readonly string[]): fc.Arbitrary<unknown> {
  const strings = fc.constantFrom(
    '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf',
    '=cmd|\' /C calc\'!A0', '=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)',
    "'; DROP TABLE assets; --", "' OR '1'='1", 'x"); SELECT * FROM sqlite_master; --',
    '../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '/dev/zero', '/dev/stdin', 'file:///etc/passwd', 'C:\\x.demarc',
    '\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uFEFF', '\u202Eevil', '\r\n', '', ' ', '%s%n', '${7*7}', '<img src=x onerror=alert(1)>',
    '2026-02-30', '9999-99-99', '1e309', 'NaN', '-1',
    ...paths
  );
  const huge = fc.constantFrom('x'.repeat(5_000), 'é'.repeat(70_000), '\uD83D\uDE00'.repeat(30_000));
  const numbers = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 0, 1.5, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, 1e21);
  const shapes = fc.constantFrom<unknown>(null, undefined, true, [], {}, [[[]]], { '': '' }, nested(40), new Array<number>(5_000).fill(1));
  const notPlain = fc.constantFrom<() => unknown>(
    () => new Date(0),
    () => new Map([['a', 1]]),
    () => new Set([1]),
    () => /x/g,
    () => new Uint8Array(4),
    () => new ArrayBuffer(8),
    () => new Error('x'),
    () => JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => Object.create({ inherited: 1 }) as unknown,
    () => 10n
  ).map((make) => make());
  return fc.oneof(
    { arbitrary: strings, weight: 5 },
    { arbitrary: numbers, weight: 3 },
    { arbitrary: shapes, weight: 2 },
    { arbitrary: notPlain, weight: 2 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 }
  );
}

/** Every place in a value (the root is []), as key paths. */
function placesOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  // A few hundred places are choice enough (a 5,000-id array need not be walked).
  if (out.length >= 200) return out;
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => placesOf(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) placesOf(item, [...at, key], out);
  return out;
}

function replaceAt(value: unknown, place: (string | number)[], replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return (value as unknown[]).map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

export type Mutation = { kind: 'replace'; pick: number; value: unknown } | { kind: 'add'; key: string; value: unknown } | { kind: 'drop'; pick: number };

export function mutation(paths: readonly string[]): fc.Arbitrary<Mutation> {
  const hostile = hostileValue(paths);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostile }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.string({ maxLength: 8 })), value: hostile }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }), weight: 1 }
  );
}

/** Applies mutations to valid arguments (the arguments are not changed; a new value is returned). */
export function mutate(args: unknown, mutations: readonly Mutation[]): unknown {
  let value = args;
  for (const m of mutations) {
    if (m.kind === 'replace') {
      const places = placesOf(value);
      value = replaceAt(value, places[m.pick % places.length]!, m.value);
    } else if (m.kind === 'add') {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        // defineProperty: a "__proto__" key becomes an own key, as JSON.parse or a structured clone would make it.
        const copy = { ...(value as Record<string, unknown>) };
        Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
        value = copy;
      }
    } else {
      const places = placesOf(value).filter((p) => p.length > 0 && typeof p[p.length - 1] === 'string');
      const place = places.length ? places[m.pick % places.length]! : null;
      if (place) {
        const parentPlace = place.slice(0, -1);
        const parent = parentPlace.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
        const { [place[place.length - 1] as string]: _dropped, ...rest } = parent as Record<string, unknown>;
        value = replaceAt(value, parentPlace, rest);
      }
    }
  }
  return value;
}

/** Method names as a hostile page might send them: unknown, prototype names, not strings. */
export const hostileMethodName: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('toString', '__proto__', 'constructor', 'hasOwnProperty', 'workbook.delete', '', 'assets.list ', 'ASSETS.LIST', null, undefined, 42, ['workbook.close'], { toString: 'workbook.close' }, 'x'.repeat(10_000)),
  fc.string({ maxLength: 30 })
);
