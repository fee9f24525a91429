/**
 * Every field of every method is bounded, read from the contract itself (the JSON Schema of each
 * method's zod schema): a string has a maximum length (or is one of a few values), an array a
 * maximum count, a number a minimum and maximum, a record's keys a maximum length. A method added
 * without bounds fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METHODS } from '@shared/contract';

type Schema = Record<string, unknown>;

function unbounded(schema: unknown, path: string, out: string[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Schema;
  if (Array.isArray(node.enum) || 'const' in node) return;
  const type = node.type;
  if (type === 'string' && typeof node.maxLength !== 'number') out.push(`${path}: a string without maxLength`);
  if (type === 'array' && typeof node.maxItems !== 'number') out.push(`${path}: an array without maxItems`);
  if ((type === 'number' || type === 'integer') && (typeof node.maximum !== 'number' || (typeof node.minimum !== 'number' && typeof node.exclusiveMinimum !== 'number'))) {
    out.push(`${path}: a number without minimum and maximum`);
  }
  if (type === 'object' && node.additionalProperties !== false && node.additionalProperties !== undefined) {
    unbounded(node.propertyNames ?? { type: 'string' }, `${path}{key}`, out);
    unbounded(node.additionalProperties, `${path}{value}`, out);
  }
  for (const [key, value] of Object.entries((node.properties as Schema | undefined) ?? {})) unbounded(value, `${path}.${key}`, out);
  if (node.items) unbounded(node.items, `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((option, i) => unbounded(option, `${path}<${key} ${i}>`, out));
  }
}

describe('the contract is bounded', () => {
  const methods = Object.entries(METHODS);

  it.each(methods)('%s: every string, array and number has a maximum', (_name, schema) => {
    const problems: string[] = [];
    unbounded(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '$', problems);
    expect(problems).toEqual([]);
  });

  it('the checker finds an unbounded field', () => {
    const problems: string[] = [];
    const loose = z.object({ a: z.string(), b: z.array(z.number().int().min(0).max(3)), c: z.number(), d: z.record(z.string(), z.string().max(2)) });
    unbounded(z.toJSONSchema(loose, { io: 'input' }), '$', problems);
    expect(problems).toEqual([
      '$.a: a string without maxLength',
      '$.b: an array without maxItems',
      '$.c: a number without minimum and maximum',
      '$.d{key}: a string without maxLength'
    ]);
  });
});
