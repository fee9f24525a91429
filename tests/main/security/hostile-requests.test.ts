/**
 * The reproductions of issue 23, each through the real router over a real workbook, each payload
 * passed through structuredClone as Electron's IPC does: what was once accepted is refused with a
 * clear code, writes nothing, and leaves the workbook readable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '@main/router';
import type { Session } from '@main/session';
import type { Result } from '@shared/errors';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

let open: { router: Router; session: Session } | null = null;

afterEach(() => {
  open?.session.close();
  open = null;
});

async function hostileSetup() {
  open = await routerOverTempWorkbook();
  const db = open.session.require().db;
  seedParties(db, [{ name: 'Alice', kind: 'person' }, { name: 'Platform', kind: 'team' }]);
  seedAssets(db, [1, 2, 3, 4, 5].map((n) => ({ name: `vm-${n}`, serviceModel: 'iaas' as const })));
  const { router } = open;
  /** A call as the renderer makes it: the arguments cross as a structured clone. */
  const call = (method: unknown, args: unknown): Promise<Result<unknown>> => router.handle(method, structuredClone(args));
  const changes = async (): Promise<number> => {
    const answer = await router.handle('changes.list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return (answer.data as unknown[]).length;
  };
  /** The workbook still answers its reads. */
  const readable = async (): Promise<void> => {
    for (const method of ['assets.list', 'findings.list', 'dashboard.get', 'models.list', 'parties.list']) {
      expect(await router.handle(method, {}), method).toMatchObject({ ok: true });
    }
    expect(await router.handle('assets.get', { id: 1 })).toMatchObject({ ok: true });
  };
  return { router, call, changes, readable };
}

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('issue 23 reproductions', () => {
  it('1: a prototype name as a model id is refused and cannot make the workbook unreadable', async () => {
    const { call, changes, readable } = await hostileSetup();
    const before = await changes();
    for (const modelId of PROTOTYPE_NAMES) {
      const update = await call('assets.update', { filter: { ids: [1] }, set: { modelId } });
      expect(update, modelId).toMatchObject({ ok: false });
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain((update as { error: { code: string } }).error.code);
      for (const [method, args] of [
        ['models.get', { id: modelId }],
        ['models.compare', { a: 'microsoft-2026-01', b: modelId }],
        ['models.previewDefault', { modelId }],
        ['models.setDefault', { modelId }],
        ['picture.get', { modelId }]
      ] as const) {
        const answer = await call(method, args);
        expect(answer, `${method} ${modelId}`).toMatchObject({ ok: false });
        expect((answer as { error: { code: string } }).error.code, `${method} ${modelId}`).not.toBe('INTERNAL');
      }
    }
    expect(await changes()).toBe(before);
    await readable();
  });

  it('2: a __proto__ or constructor key at any depth is refused with BAD_REQUEST naming its path; nothing is written', async () => {
    const { router, changes, readable } = await hostileSetup();
    const before = await changes();
    const teams = JSON.parse('{"defaultTeamPerLayer":{"__proto__":{"applications":2}}}') as unknown;
    expect(await router.handle('settings.update', structuredClone(teams))).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Bad request for settings.update: $.defaultTeamPerLayer.__proto__: the key "__proto__" is not allowed.' }
    });
    const roles = JSON.parse('{"assetId":1,"layerId":"applications","roles":{"__proto__":[2]}}') as unknown;
    expect(await router.handle('raci.set', structuredClone(roles))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('$.roles.__proto__') } });
    expect(await router.handle('assets.list', { filter: { constructor: 'x' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('$.filter.constructor') } });
    expect(await changes()).toBe(before);
    await readable();
  });

  it('3: a Date, Map, Set or RegExp is not an empty object: refused before it can select every asset', async () => {
    const { call, changes, readable } = await hostileSetup();
    const before = await changes();
    const cases: [unknown, string][] = [
      [new Date(0), 'a Date'],
      [new Map(), 'a Map'],
      [new Set(), 'a Set'],
      [/x/, 'a RegExp'],
      [new Uint8Array(2), 'a Uint8Array']
    ];
    for (const [filter, kind] of cases) {
      expect(await call('assets.update', { filter, set: { reviewed: true } }), kind).toEqual({
        ok: false,
        error: { code: 'BAD_REQUEST', message: `Bad request for assets.update: $.filter: ${kind} is not plain data.` }
      });
    }
    expect(await call('history.undo', new Set())).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('$: a Set is not plain data') } });
    expect(await call('assets.list', { offset: Number.NaN })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('$.offset: NaN is not a finite number') } });
    expect(await call('assets.list', { limit: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await changes()).toBe(before);
    await readable();
  });

  it('4: a write that changes nothing leaves no change-log entry and no undo step', async () => {
    const { call, changes } = await hostileSetup();
    const before = await changes();
    expect(await call('assets.update', { filter: {}, set: { modelId: undefined } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('nothing to set') } });
    // Setting what every asset already has: nothing to write.
    expect(await call('assets.update', { filter: {}, set: { modelId: null } })).toMatchObject({ ok: true, data: { count: 0 } });
    expect(await changes()).toBe(before);
    expect(await call('history.state', {})).toMatchObject({ ok: true, data: { canUndo: false } });
  });

  it('5: a method name is a string the method map holds, or UNKNOWN_METHOD', async () => {
    const { router } = await hostileSetup();
    for (const method of [{ toString: () => 'workbook.close' }, ['workbook.close'], 42, null, undefined, 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const answer = await router.handle(method, {});
      expect(answer, String(typeof method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(await router.handle('workbook.current', {})).toMatchObject({ ok: true, data: { name: 'hostile' } });
  });

  it('7: strings are bounded and an error answer quotes little of what it was sent', async () => {
    const { call, changes } = await hostileSetup();
    const before = await changes();
    const huge = `2026-01-01${'x'.repeat(10 * 1024 * 1024)}`;
    const leave = await call('parties.leave', { id: 1, leftAt: huge });
    expect(leave).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(leave).length).toBeLessThan(2_000);
    const longName = await call('parties.add', { name: 'n'.repeat(1_000_000), kind: 'person' });
    expect(longName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(longName).length).toBeLessThan(2_000);
    const unknown = await call('x'.repeat(100_000), {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('(100,000 characters)') } });
    expect(JSON.stringify(unknown).length).toBeLessThan(500);
    expect(await call('parties.leave', { id: 1, leftAt: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await changes()).toBe(before);
  });

  it('8: a justification with NUL or a lone surrogate is INVALID_INPUT, not a raw CHECK error', async () => {
    const { call, changes } = await hostileSetup();
    const before = await changes();
    for (const justification of ['\u0000why', 'why\uD800', '\uDC00']) {
      const answer = await call('overrides.set', { assetId: 1, layerId: 'applications', responsibility: 'shared', justification });
      expect(answer, JSON.stringify(justification)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('justification') } });
    }
    expect(await changes()).toBe(before);
  });
});
