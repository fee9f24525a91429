/**
 * The frameworks' own vocabularies, as shipped in resources/frameworks (copied verbatim from the
 * official files' ids and strings; sources inside each file): CCM v4 control and CAIQ question
 * ids, the CAIQ v4.0.3 sheet layout, and FedRAMP Rev5 Appendix J's CIS/CRM layout per baseline.
 */
import caiqLayout from '@resources/frameworks/caiq-v4-layout.json';
import ccmIds from '@resources/frameworks/ccm-v4-control-ids.json';
import fedramp from '@resources/frameworks/fedramp-rev5-cis-crm.json';

export interface CcmDomain {
  id: string;
  title: string;
  controls: string[];
}

/** CCM v4.0.12: 17 domains, 197 controls, in CSA's order. */
export const CCM_DOMAINS: readonly CcmDomain[] = ccmIds.domains;
export const CCM_VERSION = ccmIds.version;
export const CCM_CONTROL_IDS: readonly string[] = CCM_DOMAINS.flatMap((d) => d.controls);
/** CAIQ v4.0.3 question ids per CCM control (`A&A-01` → `A&A-01.1`, `A&A-01.2`). */
export const CAIQ_QUESTION_IDS: Readonly<Record<string, string[]>> = ccmIds.caiqQuestionIds;

/** The CAIQ v4.0.3 sheet: name, header row, its exact strings, the hidden columns, the value lists. */
export const CAIQ_LAYOUT = {
  sheetName: caiqLayout.sheetNames[1] ?? 'CAIQv4.0.3',
  headerRow: caiqLayout.headerRow,
  firstQuestionRow: caiqLayout.firstQuestionRow,
  header: caiqLayout.headerRowExact,
  hiddenColumns: caiqLayout.hiddenColumns,
  ownershipValues: caiqLayout.ssrmControlOwnership,
  answerValues: caiqLayout.cspCaiqAnswer
} as const;

/** FedRAMP's baselines as the workbook names them. */
export const FEDRAMP_BASELINE_NAMES = ['High', 'Moderate', 'Low', 'LI-SaaS'] as const;
export type FedrampBaselineName = (typeof FEDRAMP_BASELINE_NAMES)[number];

export interface FedrampBaseline {
  name: FedrampBaselineName;
  cisSheet: string;
  crmSheet: string;
  cisTitle: string;
  crmTitle: string;
  cisFirstDataRow: number;
  crmHeaderRow: number;
  crmFirstDataRow: number;
  /** Every row's Control ID as FedRAMP writes it: `AC-2(a)`, `AC-2(3)(b)`. */
  controlIds: readonly string[];
}

function baselineOf(name: FedrampBaselineName): FedrampBaseline {
  const b = fedramp.baselines[name];
  return {
    name,
    cisSheet: b.cis_sheet,
    crmSheet: b.crm_sheet,
    cisTitle: b.cis_title_row1,
    crmTitle: b.crm_title_row1,
    cisFirstDataRow: b.cis_first_data_row,
    crmHeaderRow: b.crm_header_row,
    crmFirstDataRow: b.crm_first_data_row,
    controlIds: b.control_ids
  };
}

export const FEDRAMP_BASELINES: Readonly<Record<FedrampBaselineName, FedrampBaseline>> = {
  High: baselineOf('High'),
  Moderate: baselineOf('Moderate'),
  Low: baselineOf('Low'),
  'LI-SaaS': baselineOf('LI-SaaS')
};

/** The CIS and CRM sheets' strings, exactly as the template writes them (double spaces kept). */
export const FEDRAMP_LAYOUT = {
  cisHeaderRow2: fedramp.cis.header_row2,
  cisColumns: fedramp.cis.flattened_columns_A_to_M,
  implementationStatus: fedramp.cis.implementation_status_columns,
  origination: fedramp.cis.control_origination_columns,
  marker: fedramp.cis.cell_marker,
  crmHeader: fedramp.crm.header_row,
  canBeInherited: fedramp.canBeInheritedFromCsp.values,
  canBeInheritedFormula: fedramp.canBeInheritedFromCsp.excel_data_validation_formula,
  instructions: fedramp.instructionsSheet,
  oscalNamespace: fedramp.oscal.fedramp_namespace
} as const;

/**
 * The control or enhancement a FedRAMP row id belongs to: `AC-2(3)(b)` → `AC-2(3)`,
 * `AC-2(a)` → `AC-2`, `SC-7(4)(h)` → `SC-7(4)`, `AC-3` → `AC-3`.
 */
export function fedrampControlOf(rowId: string): string {
  const match = /^([A-Z]{2}-\d+)(\(\d+\))?/.exec(rowId);
  return match === null ? rowId : `${match[1] ?? ''}${match[2] ?? ''}`;
}

/** The base control of a control or enhancement: `AC-2(3)` → `AC-2`. */
export function nistBaseOf(controlId: string): string {
  return controlId.replace(/\(\d+\)$/, '');
}

/** OSCAL's control id: `AC-2` → `ac-2`, `AC-2(3)` → `ac-2.3`. */
export function oscalControlId(controlId: string): string {
  return controlId.toLowerCase().replace(/\((\d+)\)$/, '.$1');
}

/** The controls and enhancements of a baseline, in the workbook's order (rows collapsed). */
export function baselineControls(baseline: FedrampBaseline): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of baseline.controlIds) {
    const control = fedrampControlOf(row);
    if (!seen.has(control)) {
      seen.add(control);
      out.push(control);
    }
  }
  return out;
}
