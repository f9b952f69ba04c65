import type { RecipeSummary } from './context.ts';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.3rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
th{font-weight:600;color:#5a6478}.num{text-align:right;font-variant-numeric:tabular-nums}
.succeeded{color:#1a7f37}.failed{color:#cf222e}.interrupted{color:#9a6700}.running{color:#0969da}
.muted{color:#8b93a5}footer{margin-top:1.5rem;color:#5a6478}a{color:#0969da}`;

/**
 * The dashboard: one server-rendered page that reloads itself every 5 seconds (no script, no
 * build step). Per recipe: its state, the last run with its counts, and the DLQ depth, with links
 * to the JSON API behind each figure.
 */
export function renderDashboard(
  recipes: RecipeSummary[],
  info: { ready: boolean; draining: boolean },
): string {
  const rows = recipes.map((r) => {
    const run = r.lastRun;
    const state = r.running
      ? '<span class="running">running</span>'
      : r.enabled
        ? 'idle'
        : '<span class="muted">disabled</span>';
    const link = (path: string, text: string) => `<a href="${esc(path)}">${text}</a>`;
    return `<tr>
<td><strong>${esc(r.id)}</strong>${r.description ? `<br><span class="muted">${esc(r.description)}</span>` : ''}</td>
<td>${esc(`${r.source.connection}.${r.source.stream}`)} &rarr; ${esc(`${r.destination.connection}.${r.destination.stream}`)}</td>
<td>${esc(triggers(r))}${r.nextRun ? `<br><span class="muted">next ${esc(r.nextRun)}</span>` : ''}</td>
<td>${state}</td>
<td>${run ? `${link(`/api/runs/${encodeURIComponent(run.id)}`, `<span class="${esc(run.status)}">${esc(run.status)}</span>`)}<br><span class="muted">${esc(run.trigger)}, ${esc(run.startedAt)}</span>${run.error ? `<br><span class="failed">${esc(run.error.code)}</span>` : ''}` : '<span class="muted">never run</span>'}</td>
<td class="num">${run ? run.counts.read : ''}</td>
<td class="num">${run ? run.counts.written : ''}</td>
<td class="num">${run ? run.counts.failed : ''}</td>
<td class="num">${link(`/api/dlq?recipe=${encodeURIComponent(r.id)}&status=pending`, String(r.deadLetters))}</td>
<td>${link(`/api/runs?recipe=${encodeURIComponent(r.id)}`, 'runs')}</td>
</tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Ferry daemon</title><style>${STYLE}</style></head>
<body><h1>Ferry daemon <span class="muted">${info.draining ? 'draining' : info.ready ? 'ready' : 'starting'}</span></h1>
<table><thead><tr><th>Recipe</th><th>From &rarr; to</th><th>Triggers</th><th>State</th><th>Last run</th>
<th class="num">Read</th><th class="num">Written</th><th class="num">Failed</th><th class="num">DLQ</th><th></th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="10" class="muted">No recipes in the project.</td></tr>'}</tbody></table>
<footer>JSON: <a href="/api/recipes">/api/recipes</a> &middot; <a href="/api/runs">/api/runs</a> &middot;
<a href="/api/dlq">/api/dlq</a> &middot; <a href="/metrics">/metrics</a> &middot; <a href="/health">/health</a>
&middot; <a href="/ready">/ready</a>. Refreshes every 5 s.</footer></body></html>`;
}

function triggers(recipe: RecipeSummary): string {
  const parts = recipe.triggers.map((t) => {
    if (t.cron) return `cron ${t.cron}${t.timezone ? ` (${t.timezone})` : ''}`;
    if (t.interval !== undefined)
      return `every ${typeof t.interval === 'number' ? `${t.interval}ms` : t.interval}`;
    if (t.webhook) return `webhook (${t.webhook.action ?? 'run'})`;
    return '';
  });
  return parts.filter(Boolean).join(', ') || 'manual';
}

function esc(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
