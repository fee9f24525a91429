/** The engine's contract methods, each bound to its service over the session's workbook. */
import type { engineMethods } from '@shared/contract/engine';
import type { Handlers } from '../router';
import { assetFacets, listAssetPage, matchingIds } from '../engine/query';
import { assetDetail } from '../engine/asset-detail';
import { previewAssetModel, updateAssets } from '../services/asset-update';
import { dashboard } from '../services/dashboard';
import { findingsSummary, listFindings } from '../services/findings';
import { historyState, redo, undo } from '../services/history';
import { previewDefaultModel, previewProviderModel, setDefaultModel, setProviderModel } from '../services/model-default';
import { compareTwoModels, getModel, importModel, listModels } from '../services/models';
import { setNote } from '../services/notes';
import { clearOverride, setOverride } from '../services/overrides';
import {
  addParty,
  leaveParty,
  listPartiesWithCounts,
  partyHoldings,
  reactivateParty,
  reassignParty,
  updatePartyDetails
} from '../services/parties';
import { setRaci } from '../services/raci-assign';

type EngineHandlers = Pick<Handlers, keyof typeof engineMethods>;

export const engineHandlers: EngineHandlers = {
  'assets.list': (input, ctx) => listAssetPage(ctx.session.require(), ctx.services, input),
  // Facets fill the filter menus, which can wait for a workbook still loading; the grid's first
  // page does not wait (listAssetPage reads it from the store meanwhile).
  'assets.facets': async (_input, ctx) => {
    const wb = ctx.session.require();
    await wb.engine.whenLoaded(ctx.services);
    return assetFacets(wb, ctx.services);
  },
  'assets.matchingIds': (input, ctx) => matchingIds(ctx.session.require(), ctx.services, input.filter),
  'assets.get': (input, ctx) => assetDetail(ctx.session.require(), ctx.services, input.id),
  'assets.update': (input, ctx) => updateAssets(ctx.session.require(), ctx.services, input),
  'overrides.set': (input, ctx) => setOverride(ctx.session.require(), ctx.services, input),
  'overrides.clear': (input, ctx) => clearOverride(ctx.session.require(), ctx.services, input),
  'notes.set': (input, ctx) => setNote(ctx.session.require(), ctx.services, input),
  'raci.set': (input, ctx) => setRaci(ctx.session.require(), ctx.services, input),
  'parties.list': (_input, ctx) => listPartiesWithCounts(ctx.session.require(), ctx.services),
  'parties.add': (input, ctx) => addParty(ctx.session.require(), ctx.services, input),
  'parties.update': (input, ctx) => updatePartyDetails(ctx.session.require(), ctx.services, input),
  'parties.leave': (input, ctx) => leaveParty(ctx.session.require(), ctx.services, input),
  'parties.reactivate': (input, ctx) => reactivateParty(ctx.session.require(), ctx.services, input.id),
  'parties.holdings': (input, ctx) => partyHoldings(ctx.session.require(), ctx.services, input.id),
  'parties.reassign': (input, ctx) => reassignParty(ctx.session.require(), ctx.services, input),
  'findings.summary': (_input, ctx) => findingsSummary(ctx.session.require(), ctx.services),
  'findings.list': (input, ctx) => listFindings(ctx.session.require(), ctx.services, input),
  'models.list': (_input, ctx) => listModels(ctx.session.require(), ctx.services),
  'models.get': (input, ctx) => getModel(ctx.session.require(), ctx.services, input.id),
  'models.compare': (input, ctx) => compareTwoModels(ctx.session.require(), ctx.services, input.a, input.b),
  'models.import': async (input, ctx) => {
    const wb = ctx.session.require();
    const path = input.path !== undefined ? ctx.files.require(input.path, 'read') : await ctx.dialogs.chooseModelFile();
    return path === null ? null : importModel(wb, ctx.services, path);
  },
  'models.previewDefault': (input, ctx) =>
    previewDefaultModel(ctx.session.require(), ctx.services, input.modelId),
  'models.setDefault': (input, ctx) => setDefaultModel(ctx.session.require(), ctx.services, input.modelId),
  'models.previewProvider': (input, ctx) => previewProviderModel(ctx.session.require(), ctx.services, input.provider, input.modelId),
  'models.setProvider': (input, ctx) => setProviderModel(ctx.session.require(), ctx.services, input.provider, input.modelId),
  'assets.previewModel': (input, ctx) => previewAssetModel(ctx.session.require(), ctx.services, input),
  'dashboard.get': (_input, ctx) => dashboard(ctx.session.require(), ctx.services),
  'history.state': (_input, ctx) => historyState(ctx.session.require()),
  'history.undo': (_input, ctx) => undo(ctx.session.require(), ctx.services),
  'history.redo': (_input, ctx) => redo(ctx.session.require(), ctx.services)
};
