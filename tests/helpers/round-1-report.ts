/** Comparing today's report of the round-1 workbook with the report round 1 wrote (tests/fixtures/workbooks). */
import type { AssetAttribute } from '@shared/asset-attributes';
import type { Report, ReportAsset } from '@shared/report';

/**
 * The assets without the fields the report gained after round 1 (issue 20: `extra`, the import's
 * other columns, empty for every migrated asset; `notSeenInLastImport`, stored since round 1 but
 * not reported then; the classification's reason and confidence, stored since round 1 and reported
 * since issue 20; criticality, data classification and environment, format 16, null for every
 * migrated asset). Asserts the migrated values are what the file held.
 */
export function asRound1Assets(
  assets: readonly ReportAsset[]
): Omit<ReportAsset, 'extra' | 'notSeenInLastImport' | 'classificationReason' | 'classificationConfidence' | AssetAttribute>[] {
  return assets.map(({ extra, notSeenInLastImport, classificationReason: _reason, classificationConfidence: _confidence, criticality, dataClassification, environment, ...rest }) => {
    if (Object.keys(extra).length > 0 || typeof notSeenInLastImport !== 'boolean') throw new Error(`asset ${rest.id}: unexpected migrated fields`);
    if (criticality !== null || dataClassification !== null || environment !== null) throw new Error(`asset ${rest.id}: a migrated asset states an attribute`);
    return rest;
  });
}

/** The report with its assets and models as round 1 reported them (models have since gained their columns' labels). */
export function asRound1Report(report: Report): Omit<Report, 'assets' | 'models'> & {
  assets: ReturnType<typeof asRound1Assets>;
  models: Omit<Report['models'][number], 'serviceModelLabels'>[];
} {
  return { ...report, assets: asRound1Assets(report.assets), models: report.models.map(({ serviceModelLabels: _labels, ...rest }) => rest) };
}
