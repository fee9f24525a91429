/**
 * An open workbook: the database connection, what was learnt when opening it, and everything
 * the app keeps about it in memory — the engine's loaded state, the undo history, the import
 * previews waiting for their apply, and who listens for its writes. Handed to every service;
 * nothing about a workbook lives anywhere else.
 */
import type { Touched } from '@shared/contract/events';
import { Engine } from './engine/engine';
import type { PreparedImport } from './import/import-service';
import type { PreparedRoundTrip } from './services/roundtrip';
import { AsOfMemo } from './services/as-of';
import { History } from './services/history';
import { closeWorkbookFile, type Db, type OpenedWorkbook } from './store/workbook-file';

export class OpenWorkbook {
  readonly db: Db;
  readonly path: string;
  readonly formatVersion: number;
  /** Set when the file was migrated: where the untouched original was copied. */
  readonly backupPath: string | null;
  readonly engine: Engine;
  readonly history = new History();
  /** Import previews by token, so an apply writes exactly what was previewed. */
  readonly importPreviews = new Map<string, PreparedImport>();
  /** Reviews of edited exports by token, so an apply writes exactly what was reviewed. */
  readonly roundTripPreviews = new Map<string, PreparedRoundTrip>();
  /** The last as-of answer and chain walk (the History view, report --as-of), until the next write. */
  readonly asOf = new AsOfMemo();
  private readonly writeListeners = new Set<(touched: Touched) => void>();
  private writes = 0;

  constructor(opened: OpenedWorkbook) {
    this.db = opened.db;
    this.path = opened.path;
    this.formatVersion = opened.formatVersion;
    this.backupPath = opened.backupPath;
    this.engine = new Engine(opened.db);
  }

  /** Calls `listener` after every committed write with what it touched; returns the unsubscribe. */
  onWrite(listener: (touched: Touched) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Committed writes since the workbook was opened: a read spread over time compares it. */
  get revision(): number {
    return this.writes;
  }

  /** Called by the write pipeline once a write has committed. */
  wrote(touched: Touched): void {
    this.writes++;
    for (const listener of this.writeListeners) listener(touched);
  }

  /** Stops any background load, forgets what is kept in memory and closes the file. */
  close(): void {
    this.engine.drop();
    this.importPreviews.clear();
    this.roundTripPreviews.clear();
    this.writeListeners.clear();
    closeWorkbookFile(this.db);
  }
}
