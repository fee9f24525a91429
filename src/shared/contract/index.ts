/**
 * The contract of window.api: one zod schema per method (checked in main on every call) and
 * the type of what each method returns. Features add their methods in their own file here.
 */
import type { z } from 'zod';
import type { Result } from '../errors';
import { engineMethods, type EngineOutputs } from './engine';
import { importMethods, type ImportOutputs } from './import';
import { exportMethods, type ExportOutputs } from './export';
import { pictureMethods, type PictureOutputs } from './picture';
import { roundTripMethods, type RoundTripOutputs } from './roundtrip';
import { frameworkMethods, type FrameworkOutputs } from './frameworks';
import { workbookMethods, type WorkbookOutputs } from './workbook';
import { auditMethods, type AuditOutputs } from './audit';
import { workshopMethods, type WorkshopOutputs } from './workshop';
import { signOffMethods, type SignOffOutputs } from './sign-offs';
import { mergeMethods, type MergeOutputs } from './merge';
import { referenceMethods, type ReferenceOutputs } from './references';
import { asOfMethods, type AsOfOutputs } from './as-of';
import { savedSetMethods, type SavedSetOutputs } from './saved-sets';
import { bulkRaciMethods, type BulkRaciOutputs } from './bulk-raci';
import { signingMethods, type SigningOutputs } from './signing';
import type { EventName, EventPayloads } from './events';

export const METHODS = {
  ...workbookMethods,
  ...engineMethods,
  ...exportMethods,
  ...importMethods,
  ...roundTripMethods,
  ...pictureMethods,
  ...frameworkMethods,
  ...auditMethods,
  ...workshopMethods,
  ...signOffMethods,
  ...mergeMethods,
  ...referenceMethods,
  ...asOfMethods,
  ...savedSetMethods,
  ...bulkRaciMethods,
  ...signingMethods
};

export type MethodName = keyof typeof METHODS;
export type MethodInput<M extends MethodName> = z.input<(typeof METHODS)[M]>;
export type ParsedInput<M extends MethodName> = z.output<(typeof METHODS)[M]>;

export type MethodOutputs = WorkbookOutputs & EngineOutputs & ExportOutputs & ImportOutputs & RoundTripOutputs & PictureOutputs & FrameworkOutputs & AuditOutputs & WorkshopOutputs & SignOffOutputs & MergeOutputs & ReferenceOutputs & AsOfOutputs & SavedSetOutputs & BulkRaciOutputs & SigningOutputs;

export type MethodOutput<M extends MethodName> = M extends keyof MethodOutputs ? MethodOutputs[M] : never;
export type MethodResult<M extends MethodName> = Result<MethodOutput<M>>;

export * from './events';

/** The IPC channel names: the preload allows only these. */
export const INVOKE_CHANNEL = 'demarc:invoke';
/** The preload tells main the path of a file the user dropped (never exposed to page script). */
export const DROPPED_FILE_CHANNEL = 'demarc:dropped-file';
export const EVENT_CHANNEL_PREFIX = 'demarc:event:';

/** What the preload exposes as window.api. */
export interface DemarcApi {
  invoke<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** The path on disk of a File dropped on the window ('' when it has none, e.g. dragged from a browser). */
  pathForFile(file: File): string;
}
