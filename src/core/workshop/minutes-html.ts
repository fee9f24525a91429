/**
 * The minutes of a workshop as one printable HTML document (no script, no external resource):
 * the app prints it to PDF with Electron's printToPDF, the CLI and the tests with Chromium. Every
 * text from the workbook is escaped.
 */
import { DECISION_KIND_LABELS, type WorkshopMinutes } from '@shared/workshop';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #111; line-height: 1.35; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #888; padding-bottom: 2pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
.meta { color: #333; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.page { break-before: page; }
.none { color: #555; font-style: italic; }
`;

function table(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="none">${esc(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

type Decision = WorkshopMinutes['decisions'][number];

const decisionRows = (decisions: readonly Decision[], withGroup: boolean): string[][] =>
  decisions.map((d) => [
    ...(withGroup ? [d.groupLabel] : []),
    d.layerTitle,
    DECISION_KIND_LABELS[d.kind],
    d.before,
    d.after,
    d.reason ?? '',
    `${d.by}, ${d.at.slice(0, 16).replace('T', ' ')}`
  ]);

const DECISION_HEADERS = ['Layer', 'Decision', 'Before', 'After', 'Reason', 'By, when'];

/** The minutes as HTML; with `pagePerGroup` each decision group's decisions start a page. */
export function minutesHtml(minutes: WorkshopMinutes, options: { pagePerGroup: boolean }): string {
  const w = minutes.workshop;
  const attendees = w.attendees.map((a) => `${a.name} (${a.kind.replace('_', ' ')})`).join(', ');
  const decisions = options.pagePerGroup
    ? minutes.groups
        .map((g) => {
          const own = minutes.decisions.filter((d) => d.groupPosition === g.position);
          return `<section class="page"><h2>Group ${g.position + 1}: ${esc(g.label)}</h2><p class="meta">${g.assets} assets</p>${table(DECISION_HEADERS, decisionRows(own, false), 'No decision on this group.')}</section>`;
        })
        .join('\n')
    : `<h2>Decisions (${minutes.decisions.length})</h2>${table(['Group', ...DECISION_HEADERS], decisionRows(minutes.decisions, true), 'No decision was recorded.')}`;
  const actions = table(
    ['Action', 'Group', 'Layer', 'Owner', 'Due', 'Status'],
    minutes.actions.map((a) => [a.title, a.groupLabel, a.layerTitle, a.owner, a.dueOn, a.closedAt === null ? `open (${a.assets} assets)` : `closed ${a.closedAt.slice(0, 10)}${a.closeNote === null ? '' : `: ${a.closeNote}`}`]),
    'No action was deferred.'
  );
  const signOff = table(
    ['Attendee', 'Accountable for (asset layers in scope)', 'Signed off'],
    minutes.signOff.map((s) => [s.name, String(s.accountableLayers), s.signed ? 'yes' : 'not yet']),
    'No attendee is Accountable for anything in scope.'
  );
  const findings = table(
    ['Finding', 'Severity', 'Count', 'Assets'],
    minutes.openFindings.map((f) => [f.title, f.severity, String(f.count), String(f.assets)]),
    'No finding is open in the scope.'
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`Minutes: ${w.title}`)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(w.title)}</h1>
<p class="meta">Workshop minutes · ${esc(minutes.organisation)} · held on ${esc(w.heldOn)} · ${esc(w.status)}</p>
<table><tbody>
<tr><th scope="row">Attendees (${w.attendees.length})</th><td>${esc(attendees)}</td></tr>
<tr><th scope="row">Scope</th><td>${esc(w.scopeLabel)}: ${w.assets} assets in ${w.groups} decision groups</td></tr>
<tr><th scope="row">Progress</th><td>${w.decidedSteps} of ${w.steps} steps decided; ${w.decisions} decisions; ${w.openActions} open actions</td></tr>
<tr><th scope="row">Printed</th><td>${esc(minutes.generatedAt.slice(0, 16).replace('T', ' '))} UTC</td></tr>
</tbody></table>
${decisions}
<h2>Deferred actions (${minutes.actions.length})</h2>
${actions}
<h2>Sign-off</h2>
${signOff}
<h2>Findings left open in the scope</h2>
${findings}
</body></html>
`;
}
