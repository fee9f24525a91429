import type { WorkbookInfo } from '@shared/contract/workbook';

/** The workbench's areas. */
export type SectionId = 'dashboard' | 'demarcation' | 'inventory' | 'responsibility' | 'parties' | 'findings' | 'workshop' | 'export' | 'sign-offs' | 'audit' | 'history' | 'merge' | 'settings';

/** What the shell hands every area. */
export interface SectionProps {
  info: WorkbookInfo;
  /** Lets one section send the user to another (e.g. a finding group to the filtered grid). */
  navigate: (section: SectionId, params?: Record<string, string>) => void;
  params: Record<string, string>;
}
