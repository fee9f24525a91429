import type { AttributeReading } from '@shared/contract/import';

const rows = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}`;

/** Where the file's criticality, data classification and environment come from: a column, tags, or nowhere. */
export function AttributeReadings({ readings }: { readings: AttributeReading[] }) {
  return (
    <section className="import-attributes" aria-label="Fields read from columns and tags">
      <h4>Criticality, data classification and environment</h4>
      <ul data-testid="import-attributes">
        {readings.map((reading) => {
          const sources = [
            ...(reading.column === null ? [] : [`column "${reading.column}" (${rows(reading.fromColumn)})`]),
            ...reading.tags.map((tag) => `tag "${tag.key}" (${rows(tag.rows)})`)
          ];
          return (
            <li key={reading.attribute}>
              <strong>{reading.label}</strong>: {sources.length === 0 ? 'not in this file (values already in the workbook are kept)' : `from ${sources.join(', ')}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
