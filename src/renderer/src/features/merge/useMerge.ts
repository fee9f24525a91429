import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { MergePlan } from '@shared/contract/merge';
import { call } from '../../lib/api';

export type Side = 'ours' | 'theirs';
export interface DecisionRule {
  side: Side;
  where?: { field: string; value: string };
}

/**
 * The Merge view's state: the previewed plan, the person's decisions one by one (kept here, so a
 * click costs no new read of both files) and the rules (which ask main again: it applies them).
 * Mutations do not invalidate: the merge's workbook-changed event refreshes every area.
 */
export function useMerge() {
  const [items, setItems] = useState<Record<string, Side>>({});
  const [rules, setRules] = useState<DecisionRule[]>([]);
  const preview = useMutation({
    mutationFn: (input: { path?: string; rules: DecisionRule[] }) =>
      call('merge.preview', { ...(input.path ? { path: input.path } : {}), decisions: { items: {}, rules: input.rules } })
  });
  const apply = useMutation({
    mutationFn: (plan: MergePlan) => call('merge.apply', { path: plan.theirs.path, decisions: { items, rules }, ...(plan.theirs.head ? { expectedHead: plan.theirs.head } : {}) })
  });
  const plan = apply.data?.plan === undefined ? (preview.data ?? null) : null;
  return {
    plan,
    result: apply.data ?? null,
    error: preview.error?.message ?? apply.error?.message ?? null,
    busy: preview.isPending || apply.isPending,
    items,
    rules,
    choose: () => {
      setItems({});
      setRules([]);
      apply.reset();
      preview.mutate({ rules: [] });
    },
    decide: (slot: string, side: Side) => setItems((current) => ({ ...current, [slot]: side })),
    setRule: (rule: DecisionRule | null) => {
      const next = rule ? [rule] : [];
      setRules(next);
      if (preview.data) preview.mutate({ path: preview.data.theirs.path, rules: next });
    },
    apply: () => {
      if (preview.data) apply.mutate(preview.data);
    }
  };
}

export type MergeState = ReturnType<typeof useMerge>;

/** The side a conflict takes now: the person's choice, else what main decided by rule, else none. */
export function choiceOf(state: Pick<MergeState, 'items'>, conflict: { slot: string; choice: Side | null }): Side | null {
  return state.items[conflict.slot] ?? conflict.choice;
}
