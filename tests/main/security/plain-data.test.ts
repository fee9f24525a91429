import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_NODES, plainDataProblem } from '@main/security/plain-data';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('plainDataProblem', () => {
  it('passes plain JSON data, undefined fields and null-prototype objects', () => {
    expect(plainDataProblem(undefined)).toBeNull();
    expect(plainDataProblem({ a: [1, 'x', null, true, { b: undefined }], c: -0 })).toBeNull();
    expect(plainDataProblem(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
    expect(plainDataProblem(nested(MAX_DEPTH))).toBeNull();
  });

  it('names the first part that is not plain data by its path', () => {
    expect(plainDataProblem({ a: { b: [1, 2, new Date(0)] } })).toEqual({ path: '$.a.b[2]', what: 'a Date is not plain data' });
    expect(plainDataProblem({ 'odd key': Number.NEGATIVE_INFINITY })).toEqual({ path: '$["odd key"]', what: '-Infinity is not a finite number' });
    expect(plainDataProblem({ f: () => 1 })).toEqual({ path: '$.f', what: 'a function is not plain data' });
    expect(plainDataProblem({ n: 1n })).toEqual({ path: '$.n', what: 'a BigInt is not plain data' });
    expect(plainDataProblem(JSON.parse('{"x":{"__proto__":1}}'))).toEqual({ path: '$.x.__proto__', what: 'the key "__proto__" is not allowed' });
    expect(plainDataProblem({ prototype: 1 })).toEqual({ path: '$.prototype', what: 'the key "prototype" is not allowed' });
    expect(plainDataProblem(new (class Thing {})())).toEqual({ path: '$', what: 'an object with a prototype of its own is not plain data' });
    expect(plainDataProblem({ get x() { return 1; } })).toEqual({ path: '$.x', what: 'an accessor property is not plain data' });
    expect(plainDataProblem({ [Symbol('s')]: 1 })).toEqual({ path: '$', what: 'a Symbol key is not plain data' });
  });

  it('stops at a depth and a count, so a cycle or a flood cannot run away', () => {
    expect(plainDataProblem(nested(MAX_DEPTH + 1))?.what).toBe(`nested more than ${MAX_DEPTH} levels deep`);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(plainDataProblem(structuredClone(cycle))?.what).toBe(`nested more than ${MAX_DEPTH} levels deep`);
    expect(plainDataProblem({ ids: new Array<number>(MAX_NODES).fill(1) })?.what).toBe(`the request holds more than ${MAX_NODES.toLocaleString('en-GB')} values`);
  });
});
