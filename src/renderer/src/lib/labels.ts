import type { FindingCode, PartyKind, Responsibility, Severity } from '@shared/domain';

export const RESPONSIBILITY_LABELS: Record<Responsibility, string> = {
  provider: 'Provider',
  customer: 'Customer',
  shared: 'Shared',
  unknown: 'Unknown'
};

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: 'Person',
  team: 'Team',
  provider: 'Provider',
  third_party: 'Third party'
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

export function findingCodeLabel(code: FindingCode): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/** Today as YYYY-MM-DD in local time (the date input's format). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function shortDate(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

const COUNT_FORMAT = new Intl.NumberFormat();

/** A count with the user's digit grouping; one shared formatter (toLocaleString builds one per call). */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}
