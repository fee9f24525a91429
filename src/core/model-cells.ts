/** Reading cells of a responsibility model: the two published shapes flattened into one. */
import type { CellValue, ModelCell, ModelParty, ResponsibilityModel, ServiceModel } from '@shared/domain';

/** A cell in one shape: the responsibility and the model party operating it (or null). */
export interface ResolvedCell {
  responsibility: CellValue;
  operatedBy: string | null;
}

/** Flattens the two published cell shapes into one. */
export function normaliseCell(cell: ModelCell): ResolvedCell {
  return typeof cell === 'string'
    ? { responsibility: cell, operatedBy: null }
    : { responsibility: cell.responsibility, operatedBy: cell.operatedBy };
}

/**
 * The published cell of a layer under a service model.
 * @returns null when the layer is not in the model or the model does not cover the service model
 */
export function getCell(
  model: ResponsibilityModel,
  layerId: string,
  serviceModel: ServiceModel
): ResolvedCell | null {
  const cell = model.cells[layerId]?.[serviceModel];
  return cell === undefined ? null : normaliseCell(cell);
}

/** The model's single provider party (parseModel guarantees there is exactly one). */
export function getProviderParty(model: ResponsibilityModel): ModelParty | null {
  return model.parties.find((p) => p.kind === 'provider') ?? null;
}
