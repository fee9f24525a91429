/**
 * FedRAMP Rev5 SSP Appendix J (CIS/CRM workbook template v1.1) as plain rows (pure): for one
 * baseline, the `<Baseline> CIS Worksheet` (Control ID, five implementation-status columns left
 * for the system owner, seven origination columns marked "X") and the `<Baseline> CRM Worksheet`
 * (Control ID, Can Be Inherited from CSP, the responsibilities text), one row per control part as
 * FedRAMP writes it (`AC-2(a)`, `AC-2(3)(b)`).
 *
 * The CSP is the cloud provider of the workbook's model; the customer is the organisation. The
 * rule (FedRAMP's CRM guidance): provider-originated → Yes (text left blank); shared → Partial with
 * what the customer must do; customer-originated → No with why.
 */
import { FEDRAMP_LAYOUT, fedrampControlOf, type FedrampBaseline } from './catalogues';
import type { DerivedControl } from './ownership';
import { customerLayerLines, notDerivedText, organisationalText, partialNote, providerLayerLines, providerNames, type PartyLookup } from './ownership-text';

/** Indexes into FEDRAMP_LAYOUT.origination (CIS columns G–M). */
export const ORIGINATION = {
  spCorporate: 0,
  spSystem: 1,
  spHybrid: 2,
  customerConfigured: 3,
  customerProvided: 4,
  shared: 5,
  inherited: 6
} as const;

const [YES, PARTIAL, NO] = FEDRAMP_LAYOUT.canBeInherited;

/** The origination columns a derived control marks (several for a hybrid of customer ones). */
export function originationsOf(control: DerivedControl): number[] {
  if (control.organisational) return [ORIGINATION.customerProvided];
  switch (control.ownership) {
    case 'provider': {
      const kinds = new Set(control.layers.filter((l) => l.provider > 0).flatMap((l) => l.providerOrigination));
      if (kinds.has('corporate') && kinds.has('system')) return [ORIGINATION.spHybrid];
      return [kinds.has('corporate') ? ORIGINATION.spCorporate : ORIGINATION.spSystem];
    }
    case 'customer':
    case 'third-party': {
      const marks: number[] = [];
      if (control.customerConfigured > 0) marks.push(ORIGINATION.customerConfigured);
      if (control.customerProvided > 0) marks.push(ORIGINATION.customerProvided);
      return marks;
    }
    case 'shared':
      return [ORIGINATION.shared];
    case 'undetermined':
      return [];
  }
}

/** Can Be Inherited from CSP (null: not derived). */
export function canBeInherited(control: DerivedControl): string | null {
  if (control.organisational) return NO ?? null;
  switch (control.ownership) {
    case 'provider':
      return YES ?? null;
    case 'shared':
      return PARTIAL ?? null;
    case 'customer':
    case 'third-party':
      return NO ?? null;
    case 'undetermined':
      return null;
  }
}

export interface FedrampTextContext {
  lookup: PartyLookup;
  modelName: (id: string) => string;
}

/** The CRM's third column: blank for Yes, what is inherited and what the customer does for Partial, why not for No. */
export function crmText(control: DerivedControl, ctx: FedrampTextContext): string {
  if (control.organisational) return `Cannot be inherited. ${organisationalText(control)}`;
  const note = partialNote(control, ctx.modelName);
  const withNote = (lines: string[]): string => [...lines, ...(note === null ? [] : [note])].join('\n');
  switch (control.ownership) {
    case 'provider':
      return '';
    case 'shared':
      return withNote([`Inherited from ${providerNames(control).join(' and ')}: ${providerLayerLines(control).join(' ')}`, 'The customer must:', ...customerLayerLines(control, ctx.lookup)]);
    case 'customer':
    case 'third-party': {
      const layers = [...new Set(control.layers.map((l) => l.title))].join(', ');
      const why = control.ownership === 'third-party' ? 'operated for the customer by a third party' : "the customer's own";
      return withNote([`Cannot be inherited: every layer it rests on in this scope (${layers}) is ${why}.`, ...customerLayerLines(control, ctx.lookup)]);
    }
    case 'undetermined':
      return notDerivedText(control, ctx.modelName);
  }
}

export interface FedrampSheets {
  baseline: FedrampBaseline;
  /** CIS rows A–M: Control ID, five status cells (left empty), seven origination cells ("X" or null). */
  cis: (string | null)[][];
  /** CRM rows: Control ID, Can Be Inherited from CSP, text. */
  crm: (string | null)[][];
}

/** Both worksheets of a baseline; `controlFor` derives (and may cache) a control or enhancement. */
export function buildFedrampSheets(
  baseline: FedrampBaseline,
  controlFor: (controlId: string) => DerivedControl,
  ctx: FedrampTextContext
): FedrampSheets {
  const cis: (string | null)[][] = [];
  const crm: (string | null)[][] = [];
  const texts = new Map<string, { marks: number[]; inherit: string | null; text: string }>();
  for (const rowId of baseline.controlIds) {
    const controlId = fedrampControlOf(rowId);
    let derived = texts.get(controlId);
    if (derived === undefined) {
      const control = controlFor(controlId);
      derived = { marks: originationsOf(control), inherit: canBeInherited(control), text: crmText(control, ctx) };
      texts.set(controlId, derived);
    }
    const origination = FEDRAMP_LAYOUT.origination.map((_, i) => (derived.marks.includes(i) ? FEDRAMP_LAYOUT.marker : null));
    cis.push([rowId, null, null, null, null, null, ...origination]);
    crm.push([rowId, derived.inherit, derived.text || null]);
  }
  return { baseline, cis, crm };
}
