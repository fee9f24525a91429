import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '@shared/contract';
import { menuTemplate } from '@main/menu';

type Item = { label?: string; submenu?: Item[]; click?: () => void; accelerator?: string; enabled?: boolean; role?: string };

function find(items: Item[], label: string): Item {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu ? findOrNull(item.submenu, label) : null;
    if (inner) return inner;
  }
  throw new Error(`no menu item ${label}`);
}
function findOrNull(items: Item[], label: string): Item | null {
  try {
    return find(items, label);
  } catch {
    return null;
  }
}

describe('application menu', () => {
  it('has File New/Open/Open Recent/Close, Edit, View and Help with shortcuts', () => {
    const sent: MenuCommand[] = [];
    const recent = [{ path: '/w/Contoso.demarc', name: 'Contoso', openedAt: '2026-11-28T00:00:00Z', exists: true }];
    const template = menuTemplate('linux', recent, (command) => sent.push(command), true) as Item[];
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(find(template, 'New Workbook…').accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, 'Open Workbook…').accelerator).toBe('CmdOrCtrl+O');
    find(template, 'New Workbook…').click!();
    find(template, 'Open Workbook…').click!();
    find(template, 'Contoso').click!();
    find(template, 'Save a Copy For…').click!();
    find(template, 'Merge Workbook…').click!();
    find(template, 'Close Workbook').click!();
    find(template, 'Find…').click!();
    find(template, 'Verify Workbook…').click!();
    find(template, 'About Demarc').click!();
    expect(sent).toEqual(['new-workbook', 'open-workbook', { open: '/w/Contoso.demarc' }, 'save-copy', 'merge', 'close-workbook', 'find', 'verify-workbook', 'about']);
  });

  it('disables workbook items without a workbook and shows an empty recent list', () => {
    const template = menuTemplate('darwin', [], () => undefined, false) as Item[];
    expect(template[0]!.role).toBe('appMenu');
    expect(find(template, 'Close Workbook').enabled).toBe(false);
    expect(find(template, 'Verify Workbook…').enabled).toBe(false);
    expect(find(template, 'Merge Workbook…').enabled).toBe(false);
    expect(find(template, 'No recent workbooks').enabled).toBe(false);
  });
});
