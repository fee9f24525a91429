/**
 * Contract of workshop mode: start a workshop over a scope, walk its decision groups layer by
 * layer, record decisions and deferred actions, pause and resume, finish, and print the minutes.
 * Every write is one change-log entry naming the workshop; decisions are undoable edits.
 */
import { z } from 'zod';
import { CellValueSchema, RaciRoleSchema } from '../domain';
import { PictureScopeSchema } from '../picture';
import {
  GROUP_SPLIT_FIELDS,
  type DecisionGroupView,
  type WorkshopAction,
  type WorkshopDetail,
  type WorkshopMinutes,
  type WorkshopStep,
  type WorkshopSummary
} from '../workshop';

const id = z.number().int().positive();
const position = z.number().int().min(0);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-31');
const text = (max: number) => z.string().trim().min(1).max(max);
const workshopId = id;

export const MINUTES_FORMATS = ['pdf', 'html', 'json'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** What the room decided on one layer of one group. */
export const DecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep'), reason: text(2000).optional() }).strict(),
  z
    .object({
      kind: z.literal('raci'),
      /** The parties per role replacing the current ones; [] returns a role to its default. */
      roles: z.partialRecord(RaciRoleSchema, z.array(id).max(50)),
      reason: text(2000).optional()
    })
    .strict(),
  z.object({ kind: z.literal('override'), responsibility: CellValueSchema, justification: text(2000) }).strict(),
  z
    .object({
      kind: z.literal('defer'),
      /** The action: what is to be found out or done before the layer can be decided. */
      title: text(500),
      ownerPartyId: id,
      dueOn: date,
      reason: text(2000).optional()
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
      title: text(200),
      heldOn: date,
      /** Party ids of the people and teams in the room (add new ones with parties.add first). */
      attendees: z.array(id).min(1).max(200),
      scope: PictureScopeSchema.default({})
    })
    .strict(),
  'workshops.get': z.object({ id: workshopId }).strict(),
  /** Splits a group (before any decision on it) by a field: one group per distinct value. */
  'workshops.splitGroup': z.object({ id: workshopId, group: position, by: z.enum(GROUP_SPLIT_FIELDS) }).strict(),
  /** Merges groups of the same model (none decided yet) into the first one. */
  'workshops.mergeGroups': z.object({ id: workshopId, groups: z.array(position).min(2).max(100) }).strict(),
  'workshops.step': z.object({ id: workshopId, group: position, layer: position }).strict(),
  'workshops.decide': z.object({ id: workshopId, group: position, layerId: z.string().min(1), decision: DecisionSchema }).strict(),
  /** Saves where the walk stands and pauses the workshop (resume continues from there). */
  'workshops.pause': z.object({ id: workshopId, group: position, layer: position }).strict(),
  'workshops.resume': z.object({ id: workshopId }).strict(),
  'workshops.finish': z.object({ id: workshopId }).strict(),
  'workshops.closeAction': z.object({ actionId: id, note: text(2000).optional() }).strict(),
  'workshops.minutes': z.object({ id: workshopId }).strict(),
  /** Writes the minutes (native save dialog without `path`; null when cancelled). */
  'workshops.saveMinutes': z
    .object({
      id: workshopId,
      format: z.enum(MINUTES_FORMATS),
      path: z.string().trim().min(1).max(4096).optional(),
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
