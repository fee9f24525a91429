import { DemarcError } from '@shared/errors';
import type { OpenWorkbook } from './services/context';
import { closeWorkbook } from './services/workbook-service';

/** Work a window has under way, so it can be cancelled: imports by preview token (null until known), the export. */
export interface RunningWork {
  imports: Set<{ token: string | null; controller: AbortController }>;
  export: AbortController | null;
  /** Files this window exported: the only ones it may ask to show in their folder. */
  exported: Set<string>;
}

/** The workbook a window works on, and its running work. One per window; the CLI makes its own. */
export class Session {
  private current: OpenWorkbook | null = null;
  readonly running: RunningWork = { imports: new Set(), export: null, exported: new Set() };

  get workbook(): OpenWorkbook | null {
    return this.current;
  }

  require(): OpenWorkbook {
    if (!this.current) throw new DemarcError('NO_WORKBOOK', 'No workbook is open. Create or open one first.');
    return this.current;
  }

  replace(next: OpenWorkbook | null): void {
    if (this.current && this.current !== next) closeWorkbook(this.current);
    this.current = next;
  }

  close(): void {
    this.replace(null);
  }
}
