/**
 * The asset's attributes for prioritising audits — criticality, data classification and
 * environment — declared once: their values, labels, the words an import recognises for each
 * value, and the column headers and tag keys an import reads them from.
 *
 * The vocabularies are the Microsoft Cloud Adoption Framework's minimum suggested tags
 * (learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-tagging):
 * Criticality (Low, Medium, High, Business unit-critical, Mission-critical), DataClassification
 * (Non-business, Public, General, Confidential, Highly confidential) and Environment (Prod, Dev,
 * QA, Stage, Test). The list is closed, so that filters, the findings and the report mean the
 * same thing in every workbook; common other spellings (`prd`, `internal`, `critical`) are read
 * as the level they name, and a value that is none of them is left out and said in the preview.
 */
import { z } from 'zod';

export const CRITICALITIES = ['mission-critical', 'unit-critical', 'high', 'medium', 'low'] as const;
export const DATA_CLASSIFICATIONS = ['highly-confidential', 'confidential', 'general', 'public', 'non-business'] as const;
export const ENVIRONMENTS = ['production', 'staging', 'qa', 'test', 'development'] as const;

export const CriticalitySchema = z.enum(CRITICALITIES);
export const DataClassificationSchema = z.enum(DATA_CLASSIFICATIONS);
export const EnvironmentSchema = z.enum(ENVIRONMENTS);
export type Criticality = z.infer<typeof CriticalitySchema>;
export type DataClassification = z.infer<typeof DataClassificationSchema>;
export type Environment = z.infer<typeof EnvironmentSchema>;

/** The attributes, in the order forms, grids and exports show them. */
export const ASSET_ATTRIBUTES = ['criticality', 'dataClassification', 'environment'] as const;
export type AssetAttribute = (typeof ASSET_ATTRIBUTES)[number];

/** The values of each attribute. */
export interface AttributeValues {
  criticality: Criticality;
  dataClassification: DataClassification;
  environment: Environment;
}

interface AttributeVocabulary<V extends string> {
  /** The field's name in forms, column heads and messages. */
  label: string;
  /** The `--where` key and the CLI option (`--criticality`). */
  cliName: string;
  values: readonly V[];
  /** Each value as people read it. */
  labels: Record<V, string>;
  /** Other words for a value, normalised (lower case, letters and digits only). */
  aliases: Record<string, V>;
  /** Column headers and tag keys an import reads the attribute from, normalised (ServiceNow's "Used for" is the environment). */
  sources: readonly string[];
}

/** The values, labels, aliases and sources of each attribute: the one declaration. */
export const ATTRIBUTE_VOCABULARY: { readonly [A in AssetAttribute]: AttributeVocabulary<AttributeValues[A]> } = {
  criticality: {
    label: 'Criticality',
    cliName: 'criticality',
    values: CRITICALITIES,
    labels: { 'mission-critical': 'Mission-critical', 'unit-critical': 'Business unit-critical', high: 'High', medium: 'Medium', low: 'Low' },
    aliases: { critical: 'mission-critical', missioncritical: 'mission-critical', businessunitcritical: 'unit-critical', unitcritical: 'unit-critical', med: 'medium' },
    sources: ['criticality', 'businesscriticality', 'criticalitylevel']
  },
  dataClassification: {
    label: 'Data classification',
    cliName: 'data-classification',
    values: DATA_CLASSIFICATIONS,
    labels: { 'highly-confidential': 'Highly confidential', confidential: 'Confidential', general: 'General', public: 'Public', 'non-business': 'Non-business' },
    aliases: { highlyconfidential: 'highly-confidential', restricted: 'highly-confidential', strictlyconfidential: 'highly-confidential', secret: 'highly-confidential', internal: 'general', private: 'general', nonbusiness: 'non-business', personal: 'non-business' },
    sources: ['dataclassification', 'datasensitivity', 'sensitivity', 'dataclass', 'informationclassification']
  },
  environment: {
    label: 'Environment',
    cliName: 'environment',
    values: ENVIRONMENTS,
    labels: { production: 'Production', staging: 'Staging', qa: 'QA', test: 'Test', development: 'Development' },
    aliases: { prod: 'production', prd: 'production', live: 'production', stage: 'staging', stg: 'staging', preprod: 'staging', preproduction: 'staging', acceptance: 'qa', acc: 'qa', uat: 'qa', tst: 'test', testing: 'test', dev: 'development', develop: 'development', sandbox: 'development' },
    sources: ['environment', 'env', 'environmenttype', 'usedfor']
  }
};

/** Criticalities that make an asset critical (the CAF's two "-critical" levels): their gaps come first. */
export const CRITICAL_LEVELS: readonly Criticality[] = ['mission-critical', 'unit-critical'];

/** `Mission-critical`, `PRD`, ` internal ` → the attribute's value; anything else → null. */
export function attributeValue<A extends AssetAttribute>(attribute: A, text: string): AttributeValues[A] | null {
  const vocabulary = ATTRIBUTE_VOCABULARY[attribute] as AttributeVocabulary<AttributeValues[A]>;
  const word = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (word === '') return null;
  for (const value of vocabulary.values) {
    if (value.replace(/[^a-z0-9]/g, '') === word || vocabulary.labels[value].toLowerCase().replace(/[^a-z0-9]/g, '') === word) return value;
  }
  return Object.hasOwn(vocabulary.aliases, word) ? (vocabulary.aliases[word] ?? null) : null;
}

/** A value's label ('' for none; a value outside the vocabulary, from a hand-edited file, as it is). */
export function attributeLabel(attribute: AssetAttribute, value: string | null): string {
  if (value === null) return '';
  const labels: Readonly<Record<string, string>> = ATTRIBUTE_VOCABULARY[attribute].labels;
  return Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}

/** The values of an attribute as a sentence's list: "mission-critical, unit-critical, high, medium or low". */
export function attributeValueList(attribute: AssetAttribute): string {
  const values: readonly string[] = ATTRIBUTE_VOCABULARY[attribute].values;
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}
