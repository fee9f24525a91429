/**
 * The layer → control mapping (resources/frameworks/layer-controls.json, or the user's own) and
 * the vocabulary of control ownership. Plain JSON data: it crosses IPC and is stored in the
 * workbook as text.
 *
 * A mapping names its own *control layers* (a small vocabulary: customer data, identities,
 * physical datacenter…). Each control of CSA CCM v4 and NIST SP 800-53 Rev. 5 rests on some of
 * them, or is organisational. A responsibility model joins the mapping through `models`, which
 * binds each of its layers to one or more control layers; a model the mapping does not name
 * joins by layer ids equal to a control layer's id or one of its aliases.
 */
import { z } from 'zod';

const slug = (what: string) => z.string().regex(/^[a-z][a-z0-9-]*$/, `${what}: lower-case letters, digits and dashes`);

/** How the provider carries a layer when it does (FedRAMP's origination): for all its services, or per system. */
export const PROVIDER_ORIGINATIONS = ['corporate', 'system'] as const;

export const ControlLayerSchema = z
  .object({
    id: slug('control layer id'),
    title: z.string().min(1),
    description: z.string().min(1),
    /** Model layer ids that join this control layer when their model has no binding. */
    aliases: z.array(slug('alias')).default([]),
    /** FedRAMP's Service Provider Corporate or System Specific when the provider carries this layer. */
    providerOrigination: z.enum(PROVIDER_ORIGINATIONS).default('system')
  })
  .strict();

const lineFields = {
  /** The control layers whose implementation this control rests on. */
  layers: z.array(z.string().min(1)).min(1).optional(),
  /** Rests on no layer: the organisation's own governance, people or suppliers, whatever the cloud. */
  organisational: z.literal(true).optional(),
  /** One sentence, in our own words: why the control rests there. */
  reason: z.string().trim().min(1)
};

export const CcmLineSchema = z
  .object({
    /** As CCM v4 writes it: `A&A-01`, `DSP-17`. */
    id: z.string().min(1),
    /** Our own short description (CSA's titles are CSA's licensed content). */
    topic: z.string().trim().min(1),
    ...lineFields
  })
  .strict();
export type CcmLine = z.infer<typeof CcmLineSchema>;

export const NistLineSchema = z
  .object({
    /** A base control or an enhancement as NIST writes it: `AC-2`, `AC-2(1)`. */
    id: z.string().regex(/^[A-Z]{2}-\d{1,2}(\(\d{1,2}\))?$/, 'a NIST SP 800-53 control id such as AC-2 or AC-2(1)'),
    /** NIST's title (public domain). */
    title: z.string().trim().min(1),
    ...lineFields
  })
  .strict();
export type NistLine = z.infer<typeof NistLineSchema>;

export const ControlMappingSchema = z
  .object({
    id: slug('mapping id'),
    name: z.string().min(1),
    version: z.string().min(1),
    notice: z.string().optional(),
    layers: z.array(ControlLayerSchema).min(1),
    /** models[modelId][modelLayerId] = the control layers that model layer carries. */
    models: z.record(z.string(), z.record(z.string(), z.array(z.string().min(1)).min(1))),
    ccm: z.array(CcmLineSchema).min(1),
    nist: z.array(NistLineSchema).min(1)
  })
  .strict();
export type ControlMapping = z.infer<typeof ControlMappingSchema>;
export type ControlLine = CcmLine | NistLine;

/** The mapping frameworks: CSA CCM v4 and NIST SP 800-53 Rev. 5 (behind FedRAMP and OSCAL). */
export const MAPPED_FRAMEWORKS = ['ccm', 'nist'] as const;
export type MappedFramework = (typeof MAPPED_FRAMEWORKS)[number];

/**
 * A control's ownership for a scope, derived from the responsibility of the layers it rests on:
 * all provider → provider; all customer → customer; the customer side operated by a third party
 * and no provider → third-party; any mix or shared → shared; nothing classified → undetermined.
 * Organisational controls are customer-owned whatever the cloud.
 */
export const CONTROL_OWNERSHIPS = ['provider', 'customer', 'third-party', 'shared', 'undetermined'] as const;
export type ControlOwnership = (typeof CONTROL_OWNERSHIPS)[number];
