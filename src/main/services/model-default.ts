/**
 * The model assets are read under when they name none: the workbook's default model, and each
 * provider's (`aws` → AWS's model). Changing either is previewed in words first (model-move.ts),
 * then applied in one write and one undo step.
 */
import { fallbackModelId } from '@core/model-references';
import type { ModelChangeSummary } from '@shared/contract/engine';
import type { Asset } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { META_KEYS } from '../store/repos/meta';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import type { EngineState } from '../engine/state';
import { writeEdit } from './history';
import { planModelMove } from './model-move';
import { requireModel } from './models';

const count = (n: number): string => n.toLocaleString('en-GB');

/** Assets following the default model: no model of their own, no provider model. */
function followingDefault(state: EngineState): Asset[] {
  const byProvider = state.input.settings.modelByProvider;
  return state.input.assets.filter((a) => a.modelId === null && (a.provider === null || byProvider[a.provider] === undefined));
}

function defaultMove(state: EngineState, modelId: string) {
  const assets = followingDefault(state);
  return planModelMove(state, assets, modelId, `the ${count(assets.length)} asset(s) that follow the workbook's default model`);
}

/** What switching the default model would change, in counts and example lines. */
export function previewDefaultModel(wb: OpenWorkbook, ctx: ServiceContext, modelId: string): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  return defaultMove(state, modelId).summary;
}

/** Switches the default model, moving service models, overrides and roles as previewed; one undo step. */
export function setDefaultModel(wb: OpenWorkbook, ctx: ServiceContext, modelId: string): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  const settings = state.input.settings;
  if (modelId === settings.defaultModelId) throw new DemarcError('RULE_VIOLATION', `"${modelId}" is already the default model.`);
  const to = requireModel(state, modelId);
  const plan = defaultMove(state, modelId);
  const forward: EditOp[] = [
    { op: 'meta', key: META_KEYS.defaultModelId, value: to.id },
    { op: 'meta', key: META_KEYS.defaultModelVersion, value: to.version },
    ...plan.forward
  ];
  const backward: EditOp[] = [
    { op: 'meta', key: META_KEYS.defaultModelId, value: settings.defaultModelId },
    { op: 'meta', key: META_KEYS.defaultModelVersion, value: settings.defaultModelVersion },
    ...plan.backward
  ];
  writeEdit(wb, ctx, {
    action: 'models.setDefault',
    entity: 'workbook',
    entityId: null,
    summary: [`Default model ${settings.defaultModelId} → ${to.id} (${to.version})`, ...plan.words].join('; '),
    forward,
    backward,
    before: { defaultModelId: settings.defaultModelId, defaultModelVersion: settings.defaultModelVersion, ...plan.before },
    after: { defaultModelId: to.id, defaultModelVersion: to.version, ...plan.after }
  });
  return plan.summary;
}

function providerMove(state: EngineState, provider: string, modelId: string | null) {
  const assets = state.input.assets.filter((a) => a.modelId === null && a.provider === provider);
  // null: the default model, or the fallback while the default is not in the workbook.
  const target = modelId ?? fallbackModelId(state.input.settings, state.input.models);
  return planModelMove(state, assets, target, `the ${count(assets.length)} ${provider} asset(s) without a model of their own`);
}

/** What reading a provider's assets under another model (null: the default model) would change. */
export function previewProviderModel(wb: OpenWorkbook, ctx: ServiceContext, provider: string, modelId: string | null): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  if (modelId !== null) requireModel(state, modelId);
  return providerMove(state, provider, modelId).summary;
}

/** Sets (or clears) a provider's model, moving its assets' service models, overrides and roles as previewed; one undo step. */
export function setProviderModel(wb: OpenWorkbook, ctx: ServiceContext, provider: string, modelId: string | null): ModelChangeSummary {
  const state = wb.engine.state(ctx);
  const settings = state.input.settings;
  const current = settings.modelByProvider[provider] ?? null;
  if (modelId === current) {
    throw new DemarcError('RULE_VIOLATION', modelId === null ? `${provider} assets already follow the default model.` : `${provider} assets are already read under "${modelId}".`);
  }
  if (modelId !== null) requireModel(state, modelId);
  const plan = providerMove(state, provider, modelId);
  const next: Record<string, string> = { ...settings.modelByProvider };
  if (modelId === null) delete next[provider];
  else next[provider] = modelId;
  writeEdit(wb, ctx, {
    action: 'models.setProvider',
    entity: 'workbook',
    entityId: provider,
    summary: [`${provider} assets read under ${modelId ?? `the default model (${settings.defaultModelId})`}, before ${current ?? 'the default model'}`, ...plan.words].join('; '),
    forward: [{ op: 'meta', key: META_KEYS.modelByProvider, value: JSON.stringify(next) }, ...plan.forward],
    backward: [{ op: 'meta', key: META_KEYS.modelByProvider, value: JSON.stringify(settings.modelByProvider) }, ...plan.backward],
    before: { provider, modelId: current, ...plan.before },
    after: { provider, modelId, ...plan.after }
  });
  return plan.summary;
}
