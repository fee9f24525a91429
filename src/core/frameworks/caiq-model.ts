/**
 * The CSA CCM v4 SSRM / CAIQ v4.0.3 export as plain rows (pure): the `CAIQv4.0.3` sheet in CSA's
 * own layout — header on row 2 with its exact strings (two spaces in column F, empty hidden G and
 * H), one row per CAIQ question from row 3, CCM control columns merged over a control's questions
 * and the domain title over its domain — and an Introduction sheet in our own words.
 *
 * Demarc is the customer (CSC) here: SSRM Control Ownership is derived from the inventory's layers;
 * the CSP's own answer and description are left to the CSP unless the user's copy of a CAIQ
 * workbook supplies them. CSA's question texts, control titles and specifications are never
 * shipped: they come only from the user's own copy of CSA's workbook.
 */
import { CAIQ_LAYOUT, CAIQ_QUESTION_IDS, CCM_DOMAINS, CCM_VERSION } from './catalogues';
import type { DerivedControl } from './ownership';
import { customerLayerLines, notDerivedText, organisationalText, partialNote, providerLayerLines, type PartyLookup } from './ownership-text';

/** Texts read from the user's copy of CSA's CAIQ v4 workbook (see main/export/caiq-reader.ts). */
export interface CaiqTexts {
  fileName: string;
  questions: Map<string, { question: string; answer: string | null; cspDescription: string | null }>;
  controls: Map<string, { specification: string | null; title: string | null }>;
}

export type CaiqCell = string | null;

export interface CaiqSheetModel {
  sheetName: string;
  /** Row 1: what this sheet is, for whom, for which scope. */
  title: string;
  header: readonly string[];
  headerRow: number;
  /** One row per question, from row `headerRow + 1`, twelve cells A–L. */
  rows: CaiqCell[][];
  /** Row index spans (into `rows`, inclusive) merged in columns I–K (a control) and L (a domain). */
  controlSpans: [number, number][];
  domainSpans: [number, number][];
  hiddenColumns: readonly string[];
  ownershipValues: readonly string[];
  answerValues: readonly string[];
}

export interface CaiqExportContext {
  organisation: string;
  scopeLabel: string;
  lookup: PartyLookup;
  modelName: (id: string) => string;
  texts: CaiqTexts | null;
}

const [CSP_OWNED, CSC_OWNED, THIRD_PARTY, SHARED_CSC, SHARED_THIRD] = CAIQ_LAYOUT.ownershipValues;

/** A derived control's SSRM Control Ownership in CSA's own strings (null: not derived). */
export function csaOwnership(control: DerivedControl): string | null {
  switch (control.ownership) {
    case 'provider':
      return CSP_OWNED ?? null;
    case 'customer':
      return CSC_OWNED ?? null;
    case 'third-party':
      return THIRD_PARTY ?? null;
    case 'shared':
      return (control.involves.customer ? SHARED_CSC : SHARED_THIRD) ?? null;
    case 'undetermined':
      return null;
  }
}

/** Column F: what the customer must do, by layer, with its Accountable and Responsible parties. */
export function cscResponsibilities(control: DerivedControl, ctx: Pick<CaiqExportContext, 'lookup' | 'modelName'>): string {
  if (control.organisational) return organisationalText(control);
  if (control.ownership === 'undetermined') return notDerivedText(control, ctx.modelName);
  if (control.ownership === 'provider') return '';
  const lines = customerLayerLines(control, ctx.lookup);
  const note = partialNote(control, ctx.modelName);
  return [...lines, ...(note === null ? [] : [note])].join('\n');
}

/** Column E: what the provider carries, from the provider-side layers (the CSP may replace it). */
export function cspImplementation(control: DerivedControl): string {
  return providerLayerLines(control).join('\n');
}

/** The CAIQ sheet for the derived CCM controls (any order; rows follow CSA's order). */
export function buildCaiqSheet(controls: readonly DerivedControl[], ctx: CaiqExportContext): CaiqSheetModel {
  const byId = new Map(controls.map((c) => [c.id, c]));
  const rows: CaiqCell[][] = [];
  const controlSpans: [number, number][] = [];
  const domainSpans: [number, number][] = [];
  for (const domain of CCM_DOMAINS) {
    const domainStart = rows.length;
    for (const controlId of domain.controls) {
      const control = byId.get(controlId);
      const controlText = ctx.texts?.controls.get(controlId);
      const ownership = control === undefined ? null : csaOwnership(control);
      const csc = control === undefined ? 'Not in the control mapping.' : cscResponsibilities(control, ctx);
      const csp = control === undefined ? '' : cspImplementation(control);
      const start = rows.length;
      for (const questionId of CAIQ_QUESTION_IDS[controlId] ?? []) {
        const merged = ctx.texts?.questions.get(questionId);
        const first = rows.length === start;
        rows.push([
          questionId,
          merged?.question ?? null,
          merged?.answer ?? null,
          ownership,
          merged?.cspDescription ?? (csp || null),
          csc || null,
          null,
          null,
          first ? controlId : null,
          first ? (controlText?.specification ?? null) : null,
          first ? (controlText?.title ?? (control !== undefined && 'topic' in control.line ? control.line.topic : null)) : null,
          rows.length === domainStart ? domain.title : null
        ]);
      }
      if (rows.length > start) controlSpans.push([start, rows.length - 1]);
    }
    if (rows.length > domainStart) domainSpans.push([domainStart, rows.length - 1]);
  }
  return {
    sheetName: CAIQ_LAYOUT.sheetName,
    title: `CCM v${CCM_VERSION} shared security responsibility (customer's view) — ${ctx.organisation}, ${ctx.scopeLabel}`,
    header: CAIQ_LAYOUT.header,
    headerRow: CAIQ_LAYOUT.headerRow,
    rows,
    controlSpans,
    domainSpans,
    hiddenColumns: CAIQ_LAYOUT.hiddenColumns,
    ownershipValues: CAIQ_LAYOUT.ownershipValues,
    answerValues: CAIQ_LAYOUT.answerValues
  };
}
