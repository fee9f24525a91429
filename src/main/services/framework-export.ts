/**
 * The framework exports of a scope: CSA CCM v4 SSRM (CAIQ v4.0.3 layout, xlsx), FedRAMP Rev5
 * CIS/CRM (xlsx) and an OSCAL SSP (JSON). Like the RACI export, a read: no change-log entry, the
 * file written to a temp file and renamed when complete, nothing left behind when cancelled.
 */
import { buildCaiqSheet } from '@core/frameworks/caiq-model';
import { CCM_VERSION, fedrampControlOf } from '@core/frameworks/catalogues';
import { factLines } from '@core/frameworks/export-facts';
import { buildFedrampSheets } from '@core/frameworks/fedramp-model';
import { standardServiceModelCounts } from '@core/frameworks/layer-tally';
import { buildOscalSsp } from '@core/frameworks/oscal-ssp';
import type { DerivedControl } from '@core/frameworks/ownership';
import { FRAMEWORK_EXTENSIONS, OWNERSHIP_LABELS, type Baseline, type FrameworkExport, type FrameworkExportResult } from '@shared/contract/frameworks';
import type { ExportedAtChoice } from '@shared/contract/export';
import type { AssetFilter } from '@shared/filter';
import { writeCaiqWorkbook } from '../export/caiq-writer';
import { writeFedrampWorkbook } from '../export/fedramp-writer';
import { writeOscalJson } from '../export/oscal-writer';
import { workbookUuids } from '../export/stable-uuid';
import { readCaiqTexts } from '../import/readers/caiq';
import { lastChangeAt } from '../store/repos/change-log';
import { readSettings } from '../store/repos/meta';
import { changeLogChainHead } from './change-log-head';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import { exportTargetPath, exportedAtFor, failure, type ExportPhase } from './export-service';
import { baselineOf, ccmControls, deriveScope, exportFacts, nistControl, type DerivedScope } from './framework-scope';
import { workbookIdOf } from './workbook-service';

export interface FrameworkExportRequest {
  framework: FrameworkExport;
  scope: AssetFilter;
  baseline: Baseline;
  caiqPath?: string;
  path: string;
  exportedAt: ExportedAtChoice;
  signal?: AbortSignal;
  onProgress?: (phase: ExportPhase, done: number, total: number | null) => void;
}

/** FedRAMP's published OSCAL profile for a baseline (the SSP's import-profile). */
function profileHref(baseline: Baseline): string {
  const level = baseline === 'li-saas' ? 'LI-SaaS' : baseline.toUpperCase();
  return `https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_${level}-baseline_profile.json`;
}

const IMPACT_LEVEL: Record<Baseline, string> = { high: 'High (H)', moderate: 'Moderate (M)', low: 'Low (L)', 'li-saas': 'Low (L)' };

const CRM_GUIDANCE =
  'GUIDANCE (Demarc): each row states whether the customer can inherit the control from the cloud service provider, derived from who carries the responsibility layers the control rests on across the assets in scope. ' +
  'Yes: the provider carries every such layer (text left blank, as FedRAMP asks). Partial: provider and customer share it; the text says what is inherited and what the customer must do, with its Accountable and Responsible parties. ' +
  'No: the customer (or a third party working for it) carries it; the text says why. Organisational controls (policies, people, suppliers) are always the customer\'s.';

/** Cached per control id: FedRAMP rows and OSCAL requirements ask for the same control many times. */
function nistDeriver(derived: DerivedScope): (id: string) => DerivedControl {
  const cache = new Map<string, DerivedControl>();
  return (id) => {
    let control = cache.get(id);
    if (control === undefined) {
      control = nistControl(derived, id);
      cache.set(id, control);
    }
    return control;
  };
}

/** Exports a framework view of the open workbook to `req.path` (see the contract's export.framework). */
export async function exportFramework(wb: OpenWorkbook, ctx: ServiceContext, req: FrameworkExportRequest): Promise<FrameworkExportResult> {
  const started = performance.now();
  const target = exportTargetPath(req.path, FRAMEWORK_EXTENSIONS[req.framework], wb.path);
  const { signal } = req;
  req.onProgress?.('preparing', 0, null);
  try {
    const texts = req.framework === 'ccm' && req.caiqPath !== undefined ? await readCaiqTexts(req.caiqPath) : null;
    signal?.throwIfAborted();
    const settings = readSettings(wb.db, actorName(ctx));
    const derived = deriveScope(wb, ctx, req.scope);
    const base = {
      organisation: settings.organisation,
      workbookId: workbookIdOf(wb),
      scope: req.scope,
      exportedAt: exportedAtFor(req.exportedAt, lastChangeAt(wb.db), ctx),
      exportedBy: settings.userName,
      changeLogChainHead: changeLogChainHead(wb)
    };
    const controlFor = nistDeriver(derived);
    const baseline = baselineOf(req.baseline);
    const controls = req.framework === 'ccm' ? ccmControls(derived) : [...collected(controlFor, baseline.controlIds)];
    const facts = exportFacts(derived, base, controls);
    signal?.throwIfAborted();
    req.onProgress?.('writing', 0, null);
    let written: { sha256: string; sheets: string[]; rows: number };
    if (req.framework === 'ccm') {
      if (texts !== null) {
        const missing = controls.filter((c) => !texts.controls.has(c.id)).length;
        facts.notes.push(`Question texts, control titles and specifications merged from ${texts.fileName}${missing > 0 ? ` (${missing} controls not found there)` : ''}.`);
      } else {
        facts.notes.push("Question texts and CCM specifications are CSA's licensed content and are not included; column K holds Demarc's own short description of each control. Merge your copy of CSA's CAIQ v4 workbook to fill them.");
      }
      const sheet = buildCaiqSheet(controls, { organisation: settings.organisation, scopeLabel: derived.scopeLabel, lookup: derived.lookup, modelName: derived.modelName, texts });
      const result = await writeCaiqWorkbook(
        {
          sheet,
          introduction: { title: `CSA CCM v${CCM_VERSION} shared security responsibility: ${settings.organisation}`, lines: factLines(facts, OWNERSHIP_LABELS) },
          organisation: settings.organisation,
          exportedAt: base.exportedAt,
          exportedBy: base.exportedBy
        },
        target,
        signal
      );
      written = { sha256: result.sha256, sheets: result.sheets, rows: controls.length };
    } else if (req.framework === 'fedramp') {
      const sheets = buildFedrampSheets(baseline, controlFor, { lookup: derived.lookup, modelName: derived.modelName });
      const providers = [...new Set(facts.models.map((m) => m.providerName))].join(', ') || 'none in scope';
      const result = await writeFedrampWorkbook(
        {
          sheets,
          systemInfo: [providers, `${settings.organisation}: ${derived.scopeLabel}`, base.workbookId, IMPACT_LEVEL[req.baseline]],
          revision: [base.exportedAt.slice(0, 10), "Derived by Demarc from the inventory's responsibility layers and RACI", base.exportedAt, base.exportedBy],
          lines: factLines(facts, OWNERSHIP_LABELS),
          guidance: CRM_GUIDANCE,
          organisation: settings.organisation,
          exportedAt: base.exportedAt,
          exportedBy: base.exportedBy
        },
        target,
        signal
      );
      written = { sha256: result.sha256, sheets: result.sheets, rows: sheets.cis.length };
    } else {
      const serviceModels = standardServiceModelCounts(derived.tally);
      const document = buildOscalSsp(controlFor, {
        facts,
        baseline,
        profileHref: profileHref(req.baseline),
        serviceModels,
        lookup: derived.lookup,
        providerParty: derived.providerParty,
        modelName: derived.modelName,
        uuidOf: workbookUuids(base.workbookId)
      });
      const result = await writeOscalJson(document, target, signal);
      written = { sha256: result.sha256, sheets: [], rows: controls.length };
    }
    req.onProgress?.('done', written.rows, written.rows);
    return {
      path: target,
      framework: req.framework,
      baseline: req.framework === 'ccm' ? null : req.baseline,
      sheets: written.sheets,
      rows: written.rows,
      counts: facts.counts,
      assets: facts.assets,
      fileSha256: written.sha256,
      exportedAt: base.exportedAt,
      notes: facts.notes,
      durationMs: Math.round(performance.now() - started)
    };
  } catch (error) {
    throw failure(error, target, signal);
  }
}

/** The distinct controls behind a baseline's rows, derived. */
function* collected(controlFor: (id: string) => DerivedControl, rowIds: readonly string[]): Generator<DerivedControl> {
  const seen = new Set<string>();
  for (const row of rowIds) {
    const control = controlFor(fedrampControlOf(row));
    if (!seen.has(control.id)) {
      seen.add(control.id);
      yield control;
    }
  }
}
