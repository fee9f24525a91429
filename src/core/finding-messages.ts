/**
 * The words of each finding: what is wrong, in plain language, and how to fix it. Kept apart
 * from the rules so the wording can be read and reviewed in one place.
 */
import {
  type FindingCode,
  type MissingModel,
  type ModelReferenceSource,
  type Party,
  type Responsibility,
  type ResponsibilityModel,
  type Severity
} from '@shared/domain';
import type { SignOffRecord } from '@shared/sign-off';
import type { FindingAsset } from './engine-input';
import { describeLayerRows, type UnknownLayerRows } from './reference-damage';
import { serviceModelColumns } from './service-models';

/** An id read from a damaged row, quoted at most 100 characters long (a hand edit may hold anything). */
const clip = (id: string): string => (id.length > 100 ? `${id.slice(0, 100)}…` : id);

/** "On-premises, IaaS, PaaS or SaaS": the columns of a model, in words. */
function columnList(model: ResponsibilityModel): string {
  const labels = serviceModelColumns(model).map((c) => c.label);
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
}

export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  MODEL_MISSING: 'error',
  PARTY_MISSING: 'error',
  // The rows are not read: nothing is misplaced, but a decision someone recorded is lost from view.
  LAYER_MISSING: 'warning',
  UNCLASSIFIED: 'warning',
  CLASSIFICATION_NEEDS_REVIEW: 'warning',
  NO_OWNER: 'error',
  NO_ACCOUNTABLE: 'error',
  // An error like NO_ACCOUNTABLE, and a code of its own so that the critical assets' gaps can be
  // listed, filtered and counted first (finding=CRITICAL_NO_ACCOUNTABLE).
  CRITICAL_NO_ACCOUNTABLE: 'error',
  NO_RESPONSIBLE: 'error',
  INACTIVE_PARTY: 'error',
  HANDED_TO_PROVIDER: 'error',
  UNWATCHED_SECURITY_TOOL: 'error',
  STALE_REVIEW: 'warning',
  ACTION_OPEN: 'warning',
  SIGN_OFF_STALE: 'warning',
  // The workbook's setting decides (Settings › Sign-offs); this is its default.
  NOT_SIGNED_OFF: 'info'
};

/** A short title per finding code, for headings and the CLI. */
export const FINDING_TITLES: Record<FindingCode, string> = {
  MODEL_MISSING: 'Model not in the workbook',
  PARTY_MISSING: 'Role held by a party not in the workbook',
  LAYER_MISSING: 'Rows on a layer the model does not have',
  UNCLASSIFIED: 'No service model',
  CLASSIFICATION_NEEDS_REVIEW: 'Service model to review',
  NO_OWNER: 'No owner',
  NO_ACCOUNTABLE: 'Not exactly one Accountable',
  CRITICAL_NO_ACCOUNTABLE: 'Critical asset with no Accountable',
  NO_RESPONSIBLE: 'Nobody Responsible on the customer side',
  INACTIVE_PARTY: 'Held by someone who left',
  HANDED_TO_PROVIDER: 'Customer duty handed to the provider',
  UNWATCHED_SECURITY_TOOL: 'Security tool nobody watches',
  STALE_REVIEW: 'Review overdue',
  ACTION_OPEN: 'Workshop action open',
  SIGN_OFF_STALE: 'Sign-off out of date',
  NOT_SIGNED_OFF: 'Customer layers never signed off'
};

/** A finding's words: what is wrong, and how to fix it. */
export interface Words {
  message: string;
  fix: string;
}

const left = (party: Party): string => (party.leftAt === null ? 'has left' : `left on ${party.leftAt.slice(0, 10)}`);
const side = (responsibility: Responsibility): string =>
  responsibility === 'shared' ? 'a shared layer' : 'a customer layer';
// Layer lists are shared by every asset with the same outcome: join each list once.
const joined = new WeakMap<readonly string[], string>();
const list = (titles: readonly string[]): string => {
  let text = joined.get(titles);
  if (text === undefined) {
    text = titles.map((t) => `"${t}"`).join(', ');
    joined.set(titles, text);
  }
  return text;
};

const NAMED_BY: Record<ModelReferenceSource, (asset: FindingAsset) => string> = {
  asset: () => 'the model chosen for it',
  provider: (asset) => `the model set for ${asset.provider ?? ''} assets`,
  default: () => 'the workbook\'s default model'
};

export const words = {
  modelMissing: (asset: FindingAsset, missing: MissingModel, readUnder: ResponsibilityModel): Words => ({
    message:
      `"${asset.name}" is to be read under the responsibility model "${missing.id}" (${NAMED_BY[missing.source](asset)}), which is not in this workbook; ` +
      `until a model is chosen it is read under ${readUnder.name} ("${readUnder.id}"), so its layers may be misplaced.`,
    fix:
      missing.source === 'asset'
        ? 'Choose a model for it: under Findings for every such asset at once, or in its asset panel (CLI: demarc assign FILE --where finding=MODEL_MISSING --model ID); or import the missing model again.'
        : missing.source === 'provider'
          ? `Choose the model for ${asset.provider ?? ''} assets under Responsibility (CLI: demarc models FILE provider ${asset.provider ?? ''} ID|default); or import the missing model again.`
          : 'Choose the workbook\'s default model under Responsibility (CLI: demarc models FILE default ID); or import the missing model again.'
  }),
  partyMissing: (asset: FindingAsset, title: string, role: string, partyId: number): Words => ({
    message: `The ${role} for "${title}" on "${asset.name}" is party #${partyId}, who is not in the parties list (a RACI row of this asset), so that role is held by nobody.`,
    fix: `Remove the rows naming party #${partyId}, or give their roles to a person or team in the list: under Findings for every such row at once, or in the asset panel (CLI: demarc repair FILE --party ${partyId} --remove | --to PARTY).`
  }),
  layerMissing: (asset: FindingAsset, model: ResponsibilityModel, rows: UnknownLayerRows): Words => ({
    message: `"${asset.name}" holds ${describeLayerRows(rows)} on the layer "${clip(rows.layerId)}", which ${model.name} (the model it is read under) does not have, so they are not read.`,
    fix: `Move them to one of ${model.name}'s layers, or drop them: in the asset panel, or under Findings for every asset at once (CLI: demarc repair FILE --layer ${clip(rows.layerId)} --to LAYER | --remove).`
  }),
  unclassified: (asset: FindingAsset, model: ResponsibilityModel): Words => ({
    message: `"${asset.name}" has no service model, so none of its layers can be placed on the provider's or the customer's side.`,
    fix: `Set its service model (${columnList(model)})${asset.type === null ? '' : ` — the classifier could not decide for type "${asset.type}"`}.`
  }),
  foreignColumn: (asset: FindingAsset, model: ResponsibilityModel): Words => ({
    message: `"${asset.name}" has the service model "${asset.serviceModel ?? ''}", which ${model.name} (the model it is read under) does not declare, so none of its layers can be placed.`,
    fix: `Set its service model to one of ${model.name}'s (${columnList(model)}), or read it under a model that has "${asset.serviceModel ?? ''}".`
  }),
  needsReview: (asset: FindingAsset, label: string): Words => ({
    message:
      `The service model ${label} of "${asset.name}" was set by the ` +
      `${asset.serviceModelSource ?? 'import'} and should be checked${asset.classificationReason === null ? '.' : `: ${asset.classificationReason}`}`,
    fix: 'Confirm or change the service model by hand; a model set by hand is not flagged again.'
  }),
  noOwner: (asset: FindingAsset, danglingOwner: boolean, orphanedTitles: readonly string[]): Words => ({
    message:
      (danglingOwner
        ? `"${asset.name}" names owner #${asset.ownerPartyId ?? ''}, who is not in the parties list.`
        : `"${asset.name}" has no owner.`) +
      (orphanedTitles.length === 0
        ? ''
        : ` The owner would be the default Accountable and Responsible, so nobody is for: ${list(orphanedTitles)}.`),
    fix:
      'Name an active person or team as owner; they become the default Accountable and Responsible on its customer-side layers.' +
      (danglingOwner ? ` Every asset and role naming #${asset.ownerPartyId ?? ''} at once: Findings (CLI: demarc repair FILE --party ${asset.ownerPartyId ?? ''} --to PARTY).` : '')
  }),
  noAccountable: (asset: FindingAsset, title: string, responsibility: Responsibility, names: readonly string[]): Words =>
    names.length === 0
      ? {
          message: `Nobody is Accountable for "${title}" (${side(responsibility)}) on "${asset.name}".`,
          fix: 'Assign exactly one Accountable person or team, or set a default team for this layer in the workbook settings.'
        }
      : {
          message: `${names.length} parties are Accountable for "${title}" on "${asset.name}" (${names.join(', ')}); accountability needs exactly one.`,
          fix: 'Keep one Accountable and make the others Responsible or Consulted.'
        },
  criticalNoAccountable: (asset: FindingAsset, criticality: string, titles: readonly string[]): Words => ({
    message: `"${asset.name}" is ${criticality}, yet nobody is Accountable for ${titles.length === 1 ? 'its customer layer' : 'its customer layers'} ${list(titles)}.`,
    fix: 'Name one Accountable person or team for each of these layers (an owner, a default team, or Set RACI…) before the less critical assets.'
  }),
  noResponsible: (asset: FindingAsset, title: string, responsibility: Responsibility): Words => ({
    message: `Nobody on the customer side is Responsible for "${title}" (${side(responsibility)}) on "${asset.name}".`,
    fix: 'Assign a Responsible person, team or operating third party; the provider alone does not cover the customer\'s part.'
  }),
  inactiveOwner: (asset: FindingAsset, owner: Party, defaultTitles: readonly string[]): Words => ({
    message:
      `${owner.name} ${left(owner)} but is still the owner of "${asset.name}"` +
      (defaultTitles.length === 0 ? '.' : ` and by default Accountable or Responsible for ${list(defaultTitles)}.`),
    fix: 'Make an active person or team the owner.'
  }),
  inactiveAssignment: (asset: FindingAsset, party: Party, role: string, title: string): Words => ({
    message: `${party.name} ${left(party)} but is still ${role} for "${title}" on "${asset.name}".`,
    fix: 'Reassign the role to an active person or team.'
  }),
  inactiveTeam: (asset: FindingAsset, team: Party, titles: readonly string[]): Words => ({
    message: `${team.name} ${left(team)} but is the workbook's default team, so still Accountable and Responsible for ${list(titles)} on "${asset.name}".`,
    fix: 'Choose an active default team for these layers in the workbook settings, or assign the roles on the asset.'
  }),
  handedToProvider: (asset: FindingAsset, title: string, reasons: readonly string[]): Words => ({
    message: `"${title}" on "${asset.name}" is handed to the provider (${reasons.join('; ')}). This duty always stays with the customer, whatever service or security feature was bought.`,
    fix: 'Remove the override or the provider\'s role, and name a customer-side Accountable and Responsible.'
  }),
  unwatchedTool: (asset: FindingAsset, label: string): Words => ({
    message: `"${asset.name}" is a security tool (${label}) that no active person or team owns or is Responsible or Accountable for. A security tool nobody configures, watches or acts on protects nobody.`,
    fix: 'Name an active person or team as owner, or as Responsible for its configuration and alerts.'
  }),
  actionOpen: (asset: FindingAsset, title: string, action: { title: string; dueOn: string; workshopTitle: string }, owner: string, overdue: boolean): Words => ({
    message: `"${title}" on "${asset.name}" was deferred in the workshop "${action.workshopTitle}": ${action.title} (${owner}, due ${action.dueOn}${overdue ? ', overdue' : ''}).`,
    fix: 'Do what the action says, decide the layer, then close the action in the workshop.'
  }),
  /** The date part of a stale-review message, shared by every asset with the same date. */
  staleSince: (since: string, days: number | null, periodDays: number): string =>
    `${since.slice(0, 10)}, ${days === null ? 'at an unreadable date' : `${days} days ago`} (review every ${periodDays} days).`,
  signOffStale: (asset: FindingAsset, signOff: Pick<SignOffRecord, 'partyName' | 'signedOn' | 'scopeLabel'>, changes: readonly string[]): Words => ({
    message: `The sign-off by ${signOff.partyName} on ${signOff.signedOn} (${signOff.scopeLabel}) no longer holds for "${asset.name}": ${changes.join(', ')} changed since.`,
    fix: 'Check the change log for what changed and who changed it, then have the layer signed off again.'
  }),
  notSignedOff: (asset: FindingAsset, titles: readonly string[]): Words => ({
    message: `"${asset.name}": ${titles.length === 1 ? 'customer layer' : 'customer layers'} ${list(titles)} never signed off.`,
    fix: 'Have the owner or the accountable team sign off the asset (asset panel) or a scope holding it (Sign-offs).'
  }),
  staleReview: (asset: FindingAsset, since: string): Words => ({
    message:
      asset.lastReviewedAt === null
        ? `"${asset.name}" has never been reviewed; it was added ${since}`
        : `"${asset.name}" was last reviewed ${since}`,
    fix: 'Check its owner, service model and RACI, then mark it reviewed.'
  })
};
