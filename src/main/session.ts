import { DemarcError } from '@shared/errors';
import type { OpenWorkbook } from './services/context';
import { closeWorkbook } from './services/workbook-service';

/** The workbook a window works on. One per window; the CLI makes its own. */
export class Session {
  private current: OpenWorkbook | null = null;

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
