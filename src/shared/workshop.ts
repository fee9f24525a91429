/**
 * Workshop mode: a meeting that walks a scope of assets in decision groups, layer by layer, and
 * records what the room decided with who was there. Plain data shared by core, main, renderer
 * and CLI.
 */
import type { CellValue, FindingCode, RaciRole, Responsibility, ServiceModel, Severity } from './domain';
import type { PictureScope } from './picture';

export const WORKSHOP_STATUSES = ['open', 'paused', 'finished'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** What the room can decide on one layer of one decision group. */
export const DECISION_KINDS = ['keep', 'raci', 'override', 'defer'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  keep: 'Kept',
  raci: 'RACI changed',
  override: 'Overridden',
  defer: 'Deferred'
};

/** The fields a decision group can be split by. */
export const GROUP_SPLIT_FIELDS = ['subscription', 'resourceGroup', 'location', 'type'] as const;
export type GroupSplitField = (typeof GROUP_SPLIT_FIELDS)[number];

/** Where the walk stands: a decision group (position) and a layer (its index in the group's model). */
export interface WalkPosition {
  group: number;
  layer: number;
}

export interface WorkshopAttendee {
  partyId: number;
  name: string;
  kind: string;
  active: boolean;
}

export interface WorkshopSummary {
  id: number;
  title: string;
  /** The meeting's date, YYYY-MM-DD. */
  heldOn: string;
  status: WorkshopStatus;
  scope: PictureScope;
  scopeLabel: string;
  attendees: WorkshopAttendee[];
  groups: number;
  assets: number;
  /** Steps (group × layer) of the walk, and how many have a decision. */
  steps: number;
  decidedSteps: number;
  decisions: number;
  openActions: number;
  position: WalkPosition;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
}

/** A decision group as the start screen and the walk show it. */
export interface DecisionGroupView {
  position: number;
  label: string;
  assets: number;
  modelId: string;
  layers: number;
  /** Layers of this group with at least one decision. */
  decidedLayers: number;
  /** Up to five asset names, to recognise the group. */
  examples: string[];
}

export interface WorkshopDetail extends WorkshopSummary {
  groupList: DecisionGroupView[];
}

/** One way the group's assets currently hold a layer (a group normally has one). */
export interface RaciVariant {
  assets: number;
  responsibility: Responsibility;
  override: { responsibility: CellValue; justification: string } | null;
  roles: Record<RaciRole, { partyId: number; name: string }[]>;
  /** Roles that come from the defaults (owner, default team, provider) rather than being set. */
  defaultRoles: RaciRole[];
}

export interface WorkshopDecision {
  id: number;
  workshopId: number;
  groupPosition: number;
  layerId: string;
  kind: DecisionKind;
  summary: string;
  reason: string | null;
  before: string;
  after: string;
  at: string;
  by: string;
}

export interface WorkshopAction {
  id: number;
  workshopId: number;
  groupPosition: number;
  layerId: string;
  title: string;
  ownerPartyId: number;
  owner: string;
  dueOn: string;
  assets: number;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
}

/** One step of the walk: a layer of a decision group, with what the room needs to decide. */
export interface WorkshopStep {
  workshopId: number;
  status: WorkshopStatus;
  position: WalkPosition;
  groupCount: number;
  layerCount: number;
  /** Steps before this one in the walk's order, and all of them (for "step 12 of 310"). */
  stepNumber: number;
  steps: number;
  decidedSteps: number;
  group: DecisionGroupView;
  model: { id: string; name: string; sourceTitle: string; sourceUrl: string };
  layer: { id: string; title: string; description: string; permanentCustomer: boolean };
  /** The published cell for the group's service model (null: unclassified, or not covered). */
  published: CellValue | null;
  serviceModel: ServiceModel | null;
  /** The service model's column label as the group's model declares it. */
  serviceModelLabel: string | null;
  /** The model party operating the layer for the customer, if the cell names one. */
  operatedBy: string | null;
  variants: RaciVariant[];
  findings: { code: FindingCode; severity: Severity; title: string; assets: number; example: string }[];
  decisions: WorkshopDecision[];
  actions: WorkshopAction[];
}

/** The minutes of a workshop: everything the printed document shows. */
export interface WorkshopMinutes {
  workshop: WorkshopSummary;
  organisation: string;
  generatedAt: string;
  groups: { position: number; label: string; assets: number }[];
  decisions: (WorkshopDecision & { groupLabel: string; layerTitle: string })[];
  actions: (WorkshopAction & { groupLabel: string; layerTitle: string })[];
  /**
   * Attendees Accountable for something in scope: who signs off their part at the end. `signed`:
   * sign-offs of theirs that still hold cover every asset of the workshop (the audit trail's sign-offs).
   */
  signOff: { partyId: number; name: string; accountableLayers: number; signed: boolean }[];
  /** Findings still open in the scope, by code. */
  openFindings: { code: FindingCode; severity: Severity; title: string; count: number; assets: number }[];
}
