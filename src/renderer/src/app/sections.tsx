import type { ComponentType } from 'react';
import type { SectionId, SectionProps } from '../lib/navigation';
import { AuditView } from '../features/audit/AuditView';
import { HistoryView } from '../features/as-of/HistoryView';
import { DashboardView } from '../features/dashboard/DashboardView';
import { DemarcationView } from '../features/picture/DemarcationView';
import { ExportView } from '../features/export/ExportView';
import { FindingsView } from '../features/findings/FindingsView';
import { InventoryView } from '../features/inventory/InventoryView';
import { MergeView } from '../features/merge/MergeView';
import { PartiesView } from '../features/parties/PartiesView';
import { ResponsibilityView } from '../features/responsibility/ResponsibilityView';
import { SettingsView } from '../features/settings/SettingsView';
import { WorkshopView } from '../features/workshop/WorkshopView';
import { SignOffsView } from '../features/sign-offs/SignOffsView';

export interface Section {
  id: SectionId;
  label: string;
  /** Ctrl/Cmd + this digit opens the section; nine digits, so not every section has one. */
  shortcut?: string;
  component: ComponentType<SectionProps>;
}

/** The workbench's areas, in navigation order. */
export const SECTIONS: Section[] = [
  { id: 'dashboard', label: 'Dashboard', shortcut: '1', component: DashboardView },
  { id: 'demarcation', label: 'Demarcation', shortcut: '2', component: DemarcationView },
  { id: 'inventory', label: 'Inventory', shortcut: '3', component: InventoryView },
  { id: 'responsibility', label: 'Responsibility', shortcut: '4', component: ResponsibilityView },
  { id: 'parties', label: 'Parties', shortcut: '5', component: PartiesView },
  { id: 'findings', label: 'Findings', shortcut: '6', component: FindingsView },
  { id: 'workshop', label: 'Workshop', component: WorkshopView },
  { id: 'export', label: 'Export', shortcut: '7', component: ExportView },
  { id: 'sign-offs', label: 'Sign-offs', shortcut: '8', component: SignOffsView },
  { id: 'audit', label: 'Audit', component: AuditView },
  { id: 'history', label: 'History', component: HistoryView },
  { id: 'merge', label: 'Merge', component: MergeView },
  { id: 'settings', label: 'Settings', shortcut: '9', component: SettingsView }
];
