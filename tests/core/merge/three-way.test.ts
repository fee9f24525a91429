/**
 * The three-way merge's truth tables: for each kind of slot (an asset field, an override, a RACI
 * role, a party field, a model, a setting), a change on one side only, the same change on both,
 * and different changes on both — plus entities added on one side, lineage, and touches.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '@core/merge/decide';
import { inEffect, lineageOf, type LineageEntry } from '@core/merge/lineage';
import { planDifferences, blockers } from '@core/merge/plan';
import { Touches, slot } from '@core/merge/slots';
import { diffSides, outcomeOf, type MergeSide } from '@core/merge/three-way';

const FIELDS = ['name', 'subscription', 'serviceModel', 'ownerPartyId', 'modelId'];
const row = (name: string, sub: string, sm: string | null, owner: string | null): string => JSON.stringify([name, sub, sm, owner, null]);

function side(assets: Record<string, string>, slots: Record<string, unknown>, touches: string[]): MergeSide {
  return {
    assets: new Map(Object.entries(assets)),
    slots: new Map(Object.entries(slots).map(([k, v]) => [k, JSON.stringify(v)])),
    touches: new Touches(touches)
  };
}

const PARTIES = {
  [slot.party('alice')]: true,
  [slot.partyField('alice', 'name')]: 'Alice',
  [slot.partyField('alice', 'kind')]: 'person',
  [slot.partyField('alice', 'active')]: true,
  [slot.party('bob')]: true,
  [slot.partyField('bob', 'name')]: 'Bob',
  [slot.partyField('bob', 'kind')]: 'person',
  [slot.partyField('bob', 'active')]: true,
  [slot.party('microsoft')]: true,
  [slot.partyField('microsoft', 'name')]: 'Microsoft',
  [slot.partyField('microsoft', 'kind')]: 'provider',
  [slot.partyField('microsoft', 'active')]: true
};

const noLayers = () => null;

describe('the outcome of a slot the copies hold differently', () => {
  it.each([
    [false, true, 'theirs'],
    [true, false, 'ours'],
    [true, true, 'conflict'],
    [false, false, 'conflict']
  ] as const)('ours touched %s, theirs touched %s → %s', (o, t, outcome) => {
    expect(outcomeOf(o, t)).toBe(outcome);
  });
});

/** Each kind of slot: [name, slot, ancestor, changed value A, changed value B, the slot's touch]. */
const KINDS: [string, string, unknown, unknown, unknown][] = [
  ['an owner', slot.assetField('k1', 'ownerPartyId'), 'alice', 'bob', null],
  ['a service model', slot.assetField('k1', 'serviceModel'), 'iaas', 'paas', 'saas'],
  ['an override', slot.override('k1', 'applications'), null, { responsibility: 'customer', justification: 'runs our code' }, { responsibility: 'shared', justification: 'split' }],
  ['a RACI role', slot.raci('k1', 'applications', 'R'), ['alice'], ['bob'], ['alice', 'bob']],
  ['a party field', slot.partyField('bob', 'email'), null, 'bob@acme.test', 'robert@acme.test'],
  ['a model', slot.model('acme-1'), { version: '1', json: '{}' }, { version: '2', json: '{"a":1}' }, { version: '3', json: '{"b":1}' }],
  ['a setting', slot.setting('organisation'), 'Acme', 'Acme Ltd', 'Acme plc'],
  ['a control of the mapping', slot.control('ccm', 'AIS-02'), { id: 'AIS-02', layers: ['applications'], reason: 'r' }, { id: 'AIS-02', organisational: true, reason: 'ours' }, { id: 'AIS-02', layers: ['network-controls'], reason: 'theirs' }],
  ['the mapping’s head', slot.setting('controlMapping'), { id: 'builtin', version: '1' }, { id: 'finance', version: '3' }, { id: 'hr', version: '1' }],
  ['a saved set', slot.savedSet('finance vms'), null, { kind: 'filter', filter: { subscription: 'finance' } }, { kind: 'filter', filter: { owner: { party: 'alice' } } }],
  ['a workshop', slot.workshop('2026-12-01T09:00:00.000Z hq: Review'), { status: 'open', position: [0, 0] }, { status: 'paused', position: [1, 2] }, { status: 'finished', position: [0, 0] }]
];

/** Puts a value in a side: asset fields go into the row, everything else into the slots. */
function sideWith(target: string, value: unknown, touched: boolean): MergeSide {
  const fields: Record<string, unknown> = { name: 'vm-1', subscription: 'Finance', serviceModel: 'iaas', ownerPartyId: 'alice', modelId: null };
  const slots: Record<string, unknown> = { ...PARTIES };
  const field = target.match(/^asset\|k1\|field\|(.+)$/)?.[1];
  if (field !== undefined) fields[field] = value;
  else if (value !== null || target.includes('|field|')) slots[target] = value;
  return side({ k1: JSON.stringify(FIELDS.map((f) => fields[f] ?? null)) }, slots, touched ? [target] : []);
}

describe('three-way truth table, per kind of slot', () => {
  for (const [name, target, ancestor, a, b] of KINDS) {
    describe(name, () => {
      // Fields are always stored (null as "null"); an override, role or model is absent when there is none.
      const stored = (v: unknown) => (v === null && !target.includes('|field|') ? null : JSON.stringify(v));
      it('changed on their side only: theirs applies', () => {
        const diff = diffSides(sideWith(target, ancestor, false), sideWith(target, a, true), FIELDS);
        expect(diff).toHaveLength(1);
        expect(diff[0]).toMatchObject({ slot: target, outcome: 'theirs', ours: stored(ancestor), theirs: stored(a), ancestor: stored(ancestor) });
      });
      it('changed on our side only: ours stays', () => {
        const diff = diffSides(sideWith(target, a, true), sideWith(target, ancestor, false), FIELDS);
        expect(diff).toHaveLength(1);
        expect(diff[0]).toMatchObject({ slot: target, outcome: 'ours', ancestor: stored(ancestor) });
      });
      it('changed the same way on both: nothing to merge', () => {
        expect(diffSides(sideWith(target, a, true), sideWith(target, a, true), FIELDS)).toEqual([]);
      });
      it('changed differently on both: a conflict', () => {
        const diff = diffSides(sideWith(target, a, true), sideWith(target, b, true), FIELDS);
        expect(diff).toHaveLength(1);
        expect(diff[0]).toMatchObject({ slot: target, outcome: 'conflict', ours: stored(a), theirs: stored(b) });
      });
      it('unchanged on both: nothing to merge', () => {
        expect(diffSides(sideWith(target, ancestor, false), sideWith(target, ancestor, false), FIELDS)).toEqual([]);
      });
    });
  }
});

describe('entities added on one side', () => {
  const base = { k1: row('vm-1', 'Finance', 'iaas', 'alice') };
  it('an asset added on their side comes with its roles; one added on ours stays', () => {
    const ours = side({ ...base, k2: row('vm-2', 'HR', null, null) }, PARTIES, []);
    const theirs = side({ ...base, k3: row('vm-3', 'Finance', 'paas', 'bob') }, { ...PARTIES, [slot.raci('k3', 'applications', 'A')]: ['bob'] }, []);
    const diff = diffSides(ours, theirs, FIELDS);
    expect(diff.map((d) => [d.slot, d.outcome])).toEqual([
      [slot.asset('k2'), 'ours'],
      [slot.asset('k3'), 'theirs'],
      [slot.raci('k3', 'applications', 'A'), 'theirs']
    ]);
  });
  it('a party added on both sides with the same name is one party', () => {
    const carol = { [slot.party('carol')]: true, [slot.partyField('carol', 'name')]: 'Carol', [slot.partyField('carol', 'kind')]: 'person' };
    const ours = side(base, { ...PARTIES, ...carol }, [slot.party('carol'), 'party|carol|*']);
    const theirs = side(base, { ...PARTIES, ...carol, [slot.partyField('carol', 'name')]: 'CAROL' }, [slot.party('carol'), 'party|carol|*']);
    expect(diffSides(ours, theirs, FIELDS).map((d) => [d.slot, d.outcome])).toEqual([[slot.partyField('carol', 'name'), 'conflict']]);
    expect(diffSides(ours, side(base, { ...PARTIES, ...carol }, ['party|carol|*']), FIELDS)).toEqual([]);
  });
});

describe('touches', () => {
  it('cover a slot by itself, by a trailing * and by * in place of the key', () => {
    const t = new Touches(['asset|k1|raci|*', 'asset|*|field|name', 'party|bob|*']);
    expect(t.covers(slot.raci('k1', 'apps', 'A'))).toBe(true);
    expect(t.covers(slot.override('k1', 'apps'))).toBe(false);
    expect(t.covers(slot.assetField('k9', 'name'))).toBe(true);
    expect(t.covers(slot.assetField('k9', 'ownerPartyId'))).toBe(false);
    expect(t.covers(slot.partyField('bob', 'active'))).toBe(true);
    expect(t.covers(slot.partyField('alice', 'active'))).toBe(false);
    expect(new Touches(['*']).covers(slot.setting('organisation'))).toBe(true);
  });
  it('of the whole control mapping cover each control; of one control, that control only', () => {
    const whole = new Touches(['settings|controlMapping', 'settings|controlMapping|*']);
    expect(whole.covers(slot.control('ccm', 'A&A-01'))).toBe(true);
    expect(whole.covers(slot.control('nist', 'AC-2(1)'))).toBe(true);
    expect(whole.covers(slot.setting('organisation'))).toBe(false);
    const one = new Touches([slot.control('ccm', 'A&A-01')]);
    expect(one.covers(slot.control('ccm', 'A&A-01'))).toBe(true);
    expect(one.covers(slot.control('ccm', 'A&A-02'))).toBe(false);
    expect(one.covers(slot.setting('controlMapping'))).toBe(false);
    expect(new Touches(['settings|*']).covers(slot.control('ccm', 'A&A-01'))).toBe(true);
  });
});

describe('lineage', () => {
  /**
   * A log spelt short: `a` written here, `~a` brought in by a merge, `m=y1,y2` a merge (written
   * here) that brought y1 and y2, `undo:m` / `redo:m` an undo or redo of the merge m.
   */
  const log = (...entries: string[]): LineageEntry[] =>
    entries.map((text) => {
      const native = !text.startsWith('~');
      const body = native ? text : text.slice(1);
      const reversal = /^(undo|redo):(.+?)(#\d+)?$/.exec(body);
      const [identity, brought] = body.split('=') as [string, string | undefined];
      return {
        identity,
        native,
        brought: brought === undefined ? null : brought.split(',').filter(Boolean),
        reverses: reversal ? { merge: reversal[2]!, direction: reversal[1] as 'undo' | 'redo' } : null
      };
    });

  it('finds the shared beginning and what each side has that the other lacks', () => {
    expect(lineageOf(log('a', 'b', 'c', 'x1'), log('a', 'b', 'c', 'y1', 'y2'))).toEqual({ common: 3, oursOnly: [3], theirsOnly: [3, 4], carried: [3, 4] });
  });
  it('leaves out entries a side already merged from the other: merging twice finds nothing new', () => {
    expect(lineageOf(log('a', 'x1', '~y1', 'm=y1'), log('a', 'y1'))).toEqual({ common: 1, oursOnly: [1, 3], theirsOnly: [], carried: [] });
    // A merge from before merges named their entries: what it brought is held.
    expect(lineageOf(log('a', 'x1', '~y1', 'm'), log('a', 'y1'))).toEqual({ common: 1, oursOnly: [1, 3], theirsOnly: [], carried: [] });
  });
  it('does not hold what an undone merge brought: merging the same file again is the first merge over again', () => {
    const first = lineageOf(log('a', 'x1'), log('a', 'y1', 'y2'));
    const afterUndo = lineageOf(log('a', 'x1', '~y1', '~y2', 'm=y1,y2', 'undo:m'), log('a', 'y1', 'y2'));
    expect(afterUndo).toEqual({ ...first, carried: [] });
    expect(inEffect(log('a', 'x1', '~y1', '~y2', 'm=y1,y2', 'undo:m'))).toEqual(new Set(['a', 'x1']));
    // Redone, it is in effect again; merged again after the undo, the second merge holds them.
    expect(lineageOf(log('a', 'x1', '~y1', '~y2', 'm=y1,y2', 'undo:m', 'redo:m'), log('a', 'y1', 'y2')).theirsOnly).toEqual([]);
    expect(lineageOf(log('a', 'x1', '~y1', '~y2', 'm=y1,y2', 'undo:m', 'm2=y1,y2'), log('a', 'y1', 'y2')).theirsOnly).toEqual([]);
    // Undone twice (undo, redo, undo): off.
    expect(inEffect(log('a', '~y1', 'm=y1', 'undo:m', 'redo:m', 'undo:m#2')).has('y1')).toBe(false);
  });
  it('a third copy that merged a log holding an undone merge does not hold that merge’s entries either', () => {
    // A merged B (m), undid it; C merged A: A's undone merge and its entries came along, switched off.
    const c = log('a', '~x1', '~y1', '~m=y1', '~undo:m', 'mc=x1');
    expect(inEffect(c)).toEqual(new Set(['a', 'x1', 'mc']));
    expect(lineageOf(c, log('a', 'y1'))).toMatchObject({ theirsOnly: [1], carried: [] });
  });
  it('reports unrelated logs as sharing nothing', () => {
    expect(lineageOf(log('a', 'b'), log('c', 'b')).common).toBe(0);
  });
});

describe('deciding', () => {
  const ours = side({ k1: row('vm-1', 'Finance', 'paas', 'alice'), k2: row('vm-2', 'HR', 'paas', 'alice') }, PARTIES, ['asset|k1|field|serviceModel', 'asset|k2|field|serviceModel']);
  const theirs = side({ k1: row('vm-1', 'Finance', 'saas', 'alice'), k2: row('vm-2', 'HR', 'saas', 'alice') }, PARTIES, ['asset|k1|field|serviceModel', 'asset|k2|field|serviceModel']);
  const diffs = diffSides(ours, theirs, FIELDS);

  it('by a person, one by one, over any rule', () => {
    const decided = decide(diffs, { items: { [slot.assetField('k1', 'serviceModel')]: 'theirs' }, rules: [{ side: 'ours' }] }, ours, theirs, FIELDS);
    expect(decided.map((d) => [d.choice, d.decidedBy])).toEqual([
      ['theirs', 'person'],
      ['ours', 'rule']
    ]);
  });
  it('by rule: theirs for everything in the Finance subscription', () => {
    const decided = decide(diffs, { rules: [{ side: 'theirs', where: { field: 'subscription', value: 'finance' } }] }, ours, theirs, FIELDS);
    expect(decided.map((d) => [d.slot, d.choice])).toEqual([
      [slot.assetField('k1', 'serviceModel'), 'theirs'],
      [slot.assetField('k2', 'serviceModel'), null]
    ]);
    expect(blockers(decided).undecided).toHaveLength(1);
  });
});

describe('rules on the merged result', () => {
  const base = { k1: row('vm-1', 'Finance', 'iaas', 'alice') };
  const layers = (_m: string | null, layer: string) => ({ title: layer === 'data' ? 'Customer data' : layer, permanentCustomer: layer === 'data' });

  it('an owner who left on our side, made owner on theirs: a conflict, never written', () => {
    const ours = side(base, { ...PARTIES, [slot.partyField('bob', 'active')]: false }, ['party|bob|*']);
    const theirs = side({ k1: row('vm-1', 'Finance', 'iaas', 'bob') }, PARTIES, ['asset|k1|field|ownerPartyId']);
    const plan = planDifferences(ours, theirs, FIELDS, {}, layers);
    const owner = plan.find((d) => d.slot === slot.assetField('k1', 'ownerPartyId'))!;
    expect(owner).toMatchObject({ outcome: 'conflict', choice: null });
    expect(owner.rule).toMatch(/Bob cannot own it \(no longer active\)/);
    const decidedTheirs = planDifferences(ours, theirs, FIELDS, { items: { [owner.slot]: 'theirs' } }, layers);
    expect(blockers(decidedTheirs).breaking.map((d) => d.slot)).toEqual([owner.slot]);
    const decidedOurs = planDifferences(ours, theirs, FIELDS, { items: { [owner.slot]: 'ours' } }, layers);
    expect(blockers(decidedOurs)).toEqual({ undecided: [], breaking: [] });
  });

  it('a party leaving on their side while it owns assets on ours: a conflict on the party', () => {
    const ours = side(base, PARTIES, ['asset|k1|field|ownerPartyId']);
    const theirs = side(base, { ...PARTIES, [slot.partyField('alice', 'active')]: false }, ['party|alice|*']);
    const plan = planDifferences(ours, theirs, FIELDS, {}, layers);
    expect(plan).toEqual([expect.objectContaining({ slot: slot.partyField('alice', 'active'), outcome: 'conflict', rule: expect.stringMatching(/Alice would be no longer active but owns vm-1/) })]);
  });

  it('two Accountables from two sides, and the provider Accountable on a layer that stays the customer’s', () => {
    const ours = side(base, { ...PARTIES, [slot.raci('k1', 'apps', 'A')]: ['alice'] }, []);
    const theirs = side(base, { ...PARTIES, [slot.raci('k1', 'apps', 'A')]: ['alice', 'bob'], [slot.raci('k1', 'data', 'A')]: ['microsoft'] }, ['asset|k1|raci|*']);
    const plan = planDifferences(ours, theirs, FIELDS, {}, layers);
    expect(plan.map((d) => [d.slot, d.outcome, d.rule])).toEqual([
      [slot.raci('k1', 'apps', 'A'), 'conflict', expect.stringMatching(/"apps" of vm-1 would have 2 Accountables/)],
      [slot.raci('k1', 'data', 'A'), 'conflict', expect.stringMatching(/"Customer data" of vm-1 stays the customer's: the provider Microsoft cannot be Accountable/)]
    ]);
  });

  it('an override handing a permanent customer layer to the provider', () => {
    const ours = side(base, PARTIES, []);
    const theirs = side(base, { ...PARTIES, [slot.override('k1', 'data')]: { responsibility: 'provider', justification: 'x' } }, ['asset|k1|override|data']);
    expect(planDifferences(ours, theirs, FIELDS, {}, layers)[0]).toMatchObject({ outcome: 'conflict', rule: expect.stringMatching(/cannot be overridden to the provider/) });
    expect(planDifferences(ours, theirs, FIELDS, {}, noLayers)[0]).toMatchObject({ outcome: 'theirs', rule: null });
  });
});
