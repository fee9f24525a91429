import { useState, type FormEvent } from 'react';
import type { DecisionRule, Side } from './useMerge';

const FIELDS = [
  ['', 'every conflict'],
  ['subscription', 'subscription'],
  ['resourceGroup', 'resource group'],
  ['type', 'type'],
  ['location', 'location']
] as const;

/** "Take theirs for everything in the Finance subscription": one rule, applied by main. */
export function RuleForm({ rule, onRule, disabled }: { rule: DecisionRule | null; onRule: (rule: DecisionRule | null) => void; disabled: boolean }) {
  const [side, setSide] = useState<Side>(rule?.side ?? 'theirs');
  const [field, setField] = useState(rule?.where?.field ?? '');
  const [value, setValue] = useState(rule?.where?.value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRule(field ? { side, where: { field, value: value.trim() } } : { side });
  };
  return (
    <form className="merge-rule" onSubmit={submit} aria-label="Decide by rule">
      <label htmlFor="merge-rule-side">Take</label>
      <select id="merge-rule-side" value={side} onChange={(e) => setSide(e.target.value as Side)}>
        <option value="theirs">theirs</option>
        <option value="ours">ours</option>
      </select>
      <label htmlFor="merge-rule-field">for</label>
      <select id="merge-rule-field" value={field} onChange={(e) => setField(e.target.value)}>
        {FIELDS.map(([id, words]) => (
          <option key={id} value={id}>
            {words}
          </option>
        ))}
      </select>
      {field && (
        <>
          <label htmlFor="merge-rule-value">equal to</label>
          <input id="merge-rule-value" value={value} onChange={(e) => setValue(e.target.value)} required />
        </>
      )}
      <button type="submit" disabled={disabled}>
        Apply rule
      </button>
      {rule && (
        <button type="button" className="link" onClick={() => onRule(null)} disabled={disabled}>
          Clear rule
        </button>
      )}
    </form>
  );
}
