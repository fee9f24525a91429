import type { ComponentType } from 'react';
import type { WorkbookInfo } from '@shared/contract/workbook';
import { DashboardView } from '../dashboard/DashboardView';
import { DemarcationView } from '../picture/DemarcationView';
import { ExportView } from '../export/ExportView';
import { FindingsView } from '../findings/FindingsView';
import { InventoryView } from '../inventory/InventoryView';
import { PartiesView } from '../parties/PartiesView';
import { ResponsibilityView } from '../responsibility/ResponsibilityView';
import { SettingsView } from '../settings/SettingsView';

export interface SectionProps {
  info: WorkbookInfo;
  /** Lets one section send the user to another (e.g. a finding group to the filtered grid). */
  navigate: (section: SectionId, params?: Record<string, string>) => void;
  params: Record<string, string>;
}

export type SectionId = 'dashboard' | 'demarcation' | 'inventory' | 'responsibility' | 'parties' | 'findings' | 'export' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  shortcut: string;
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
  { id: 'export', label: 'Export', shortcut: '7', component: ExportView },
  { id: 'settings', label: 'Settings', shortcut: '8', component: SettingsView }
];
