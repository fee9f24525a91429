import type { ComponentType } from 'react';
import type { WorkbookInfo } from '../../../../shared/contract/workbook';
import { SettingsView } from '../settings/SettingsView';
import { Placeholder } from './Placeholder';

export interface SectionProps {
  info: WorkbookInfo;
  /** Lets one section send the user to another (e.g. a finding group to the filtered grid). */
  navigate: (section: SectionId, params?: Record<string, string>) => void;
  params: Record<string, string>;
}

export type SectionId = 'dashboard' | 'inventory' | 'responsibility' | 'parties' | 'findings' | 'export' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  shortcut: string;
  component: ComponentType<SectionProps>;
}

/** The workbench's areas, in navigation order. */
export const SECTIONS: Section[] = [
  { id: 'dashboard', label: 'Dashboard', shortcut: '1', component: Placeholder },
  { id: 'inventory', label: 'Inventory', shortcut: '2', component: Placeholder },
  { id: 'responsibility', label: 'Responsibility', shortcut: '3', component: Placeholder },
  { id: 'parties', label: 'Parties', shortcut: '4', component: Placeholder },
  { id: 'findings', label: 'Findings', shortcut: '5', component: Placeholder },
  { id: 'export', label: 'Export', shortcut: '6', component: Placeholder },
  { id: 'settings', label: 'Settings', shortcut: '7', component: SettingsView }
];
