/** Two drawings side by side: the cells where the line moved are found and highlighted. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '@core/models';
import { diffDrawings } from '@core/picture/diff';
import type { ServiceModel } from '@shared/domain';
import { asset, override } from '@tests/helpers/builders';
import { drawHandMade, type HandMade } from './picture-helpers';

const CURRENT = BUILTIN_MODELS['microsoft-2026-01']!;
const CLASSIC = BUILTIN_MODELS['microsoft-classic-2023']!;
const SMS: ServiceModel[] = ['onprem', 'iaas', 'paas', 'saas'];
const assets = SMS.map((sm, i) => asset(i + 1, { serviceModel: sm }));

describe('diffDrawings', () => {
  it('finds where the line moved between the classic diagram and the 2026 table', () => {
    const a = drawHandMade({ model: CLASSIC, assets });
    const b = drawHandMade({ model: CURRENT, assets });
    const diff = diffDrawings(a, b);
    // SaaS applications: Microsoft's in 2023, shared in 2026: the line moved down under it.
    expect(diff.lineMovedIn).toEqual(['saas']);
    expect(diff.lineMovedCells).toBe(1);
    expect(diff.a['saas:applications']).toBe('line-moved');
    expect(diff.b['saas:applications']).toBe('line-moved');
    // Client devices, matched across the rename: customer → shared, same side of the line.
    expect(diff.a['saas:devices-mobile-and-pcs']).toBe('band-changed');
    expect(diff.b['saas:client-devices']).toBe('band-changed');
    // A layer only in one model.
    expect(diff.a['paas:identity-and-directory-infrastructure']).toBe('removed');
    expect(diff.b['paas:configurations-and-settings']).toBe('added');
    // Nothing else differs.
    expect(Object.values(diff.a).filter((c) => c === 'line-moved' || c === 'band-changed')).toHaveLength(2);
  });

  it('sees nothing between a drawing and itself, whatever the numbers', () => {
    const workbook: HandMade = { model: CURRENT, assets, overrides: [override(3, 'operating-system', 'shared')] };
    const diff = diffDrawings(drawHandMade(workbook), drawHandMade({ ...workbook, overrides: [] }));
    expect(diff).toEqual({ a: {}, b: {}, lineMovedIn: [], lineMovedCells: 0 });
  });

  it('finds the line moving in one asset’s stack between two dates', () => {
    const before: HandMade = { model: CURRENT, assets };
    const after: HandMade = { model: CURRENT, assets, overrides: [override(3, 'operating-system', 'shared'), override(3, 'client-devices', 'shared')] };
    const diff = diffDrawings(drawHandMade(before, { assetId: 3 }), drawHandMade(after, { assetId: 3 }));
    expect(diff.a).toEqual({ 'paas:operating-system': 'line-moved', 'paas:client-devices': 'band-changed' });
    expect(diff.lineMovedIn).toEqual(['paas']);
  });
});
