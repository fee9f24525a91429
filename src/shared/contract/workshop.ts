/**
 * Contract of workshop mode: start a workshop over a scope, walk its decision groups layer by
 * layer, record decisions and deferred actions, pause and resume, finish, and print the minutes.
 * Every write is one change-log entry naming the workshop; decisions are undoable edits.
 */
import { z } from 'zod';
import { CellValueSchema, RaciRoleSchema } from '../domain';
import { PictureScopeSchema } from '../picture';
import { LIMITS, idSchema as id, isoDateSchema as date, layerIdSchema, line, offsetSchema, pathSchema, text } from './bounds';
import {
  GROUP_SPLIT_FIELDS,
  type DecisionGroupView,
  type WorkshopAction,
  type WorkshopDetail,
  type WorkshopMinutes,
  type WorkshopStep,
  type WorkshopSummary
} from '../workshop';

const workshopId = id;
/** A group's or layer's place in the walk (0-based); no walk has more groups than a selection has assets. */
const position = offsetSchema.max(LIMITS.ids);
/** A justification, a reason, an action's note: several lines, not empty. */
const reason = text(LIMITS.note).trim().min(1);
/** A workshop's title, an action's title: one line, not empty. */
const title = line(LIMITS.name).trim().min(1);

export const MINUTES_FORMATS = ['pdf', 'html', 'json'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** What the room decided on one layer of one group. */
export const DecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep'), reason: reason.optional() }).strict(),
  z
    .object({
      kind: z.literal('raci'),
      /** The parties per role replacing the current ones; [] returns a role to its default. */
      roles: z.partialRecord(RaciRoleSchema, z.array(id).max(LIMITS.partiesPerRole)),
      reason: reason.optional()
    })
    .strict(),
  z.object({ kind: z.literal('override'), responsibility: CellValueSchema, justification: reason }).strict(),
  z
    .object({
      kind: z.literal('defer'),
      /** The action: what is to be found out or done before the layer can be decided. */
      title,
      ownerPartyId: id,
      dueOn: date,
      reason: reason.optional()
    })
    .strict()
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const workshopMethods = {
  'workshops.list': z.object({}).strict(),
  /** The decision groups a scope would make, before a workshop starts. */
  'workshops.preview': z.object({ scope: PictureScopeSchema.default({}) }).strict(),
  'workshops.start': z
    .object({
      title,
      heldOn: date,
      /** Party ids of the people and teams in the room (add new ones with parties.add first). */
      attendees: z.array(id).min(1).max(LIMITS.attendees),
      scope: PictureScopeSchema.default({})
    })
    .strict(),
  'workshops.get': z.object({ id: workshopId }).strict(),
  /** Splits a group (before any decision on it) by a field: one group per distinct value. */
  'workshops.splitGroup': z.object({ id: workshopId, group: position, by: z.enum(GROUP_SPLIT_FIELDS) }).strict(),
  /** Merges groups of the same model (none decided yet) into the first one. */
  'workshops.mergeGroups': z.object({ id: workshopId, groups: z.array(position).min(2).max(LIMITS.ids) }).strict(),
  'workshops.step': z.object({ id: workshopId, group: position, layer: position }).strict(),
  'workshops.decide': z.object({ id: workshopId, group: position, layerId: layerIdSchema, decision: DecisionSchema }).strict(),
  /** Saves where the walk stands and pauses the workshop (resume continues from there). */
  'workshops.pause': z.object({ id: workshopId, group: position, layer: position }).strict(),
  'workshops.resume': z.object({ id: workshopId }).strict(),
  'workshops.finish': z.object({ id: workshopId }).strict(),
  'workshops.closeAction': z.object({ actionId: id, note: reason.optional() }).strict(),
  'workshops.minutes': z.object({ id: workshopId }).strict(),
  /** Writes the minutes (native save dialog without `path`; null when cancelled). */
  'workshops.saveMinutes': z
    .object({
      id: workshopId,
      format: z.enum(MINUTES_FORMATS),
      path: pathSchema.optional(),
      /** Each decision group on a page of its own. */
      pagePerGroup: z.boolean().default(false)
    })
    .strict()
};

export interface MinutesSaveResult {
  path: string;
  format: MinutesFormat;
  bytes: number;
  decisions: number;
  actions: number;
}

export interface WorkshopOutputs {
  'workshops.list': WorkshopSummary[];
  'workshops.preview': { groups: DecisionGroupView[]; assets: number };
  'workshops.start': WorkshopDetail;
  'workshops.get': WorkshopDetail;
  'workshops.splitGroup': WorkshopDetail;
  'workshops.mergeGroups': WorkshopDetail;
  'workshops.step': WorkshopStep;
  'workshops.decide': WorkshopStep;
  'workshops.pause': WorkshopDetail;
  'workshops.resume': WorkshopDetail;
  'workshops.finish': WorkshopDetail;
  'workshops.closeAction': WorkshopAction;
  'workshops.minutes': WorkshopMinutes;
  'workshops.saveMinutes': MinutesSaveResult | null;
}
