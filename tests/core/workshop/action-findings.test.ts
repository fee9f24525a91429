import { describe, expect, it } from 'vitest';
import type { OpenActionRow } from '@core/engine-input';
import { computeFindings } from '@core/findings';
import { asset, engineInput } from '@tests/helpers/builders';

const action = (assetId: number, dueOn: string): OpenActionRow => ({
  assetId,
  layerId: 'network-controls',
  actionId: 7,
  title: 'Ask the network team who runs the NSGs',
  ownerPartyId: 2,
  dueOn,
  workshopTitle: 'Q1 platform review'
});

describe('ACTION_OPEN: a layer deferred in a workshop', () => {
  it('is a warning on each covered asset × layer, naming the action, owner and due date', () => {
    const findings = computeFindings(engineInput({ assets: [asset(1), asset(2)], actions: [action(1, '2026-04-15')] }));
    const open = findings.filter((f) => f.code === 'ACTION_OPEN');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ assetId: 1, layerId: 'network-controls', severity: 'warning' });
    expect(open[0]!.message).toBe('"Network controls" on "vm1" was deferred in the workshop "Q1 platform review": Ask the network team who runs the NSGs (Platform team, due 2026-04-15).');
  });

  it('says when the action is overdue', () => {
    const [f] = computeFindings(engineInput({ assets: [asset(1)], actions: [action(1, '2026-02-01')] })).filter((x) => x.code === 'ACTION_OPEN');
    expect(f!.message).toContain('due 2026-02-01, overdue');
  });

  it('is absent without open actions', () => {
    expect(computeFindings(engineInput({ assets: [asset(1)] })).some((f) => f.code === 'ACTION_OPEN')).toBe(false);
  });
});
