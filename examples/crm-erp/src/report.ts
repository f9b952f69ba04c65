import type { OpenProject, RunRecord } from '@ferry/runtime';

/** What one cycle of a two-way recipe did, from its `sync.cycle` audit entry. */
export interface CycleReport {
  run: RunRecord;
  read: Record<string, number>;
  pushed: Record<string, number>;
  created: Record<string, number>;
  merges: number;
  rejected: { reason: string; system: string }[];
}

export async function cycleReport(project: OpenProject, run: RunRecord): Promise<CycleReport> {
  const audit = await project.store.listAudit({
    subject: run.recipe,
    action: 'sync.cycle',
    limit: 20,
  });
  const details = (audit.find((a) => a.details?.runId === run.id)?.details ?? {}) as {
    read?: Record<string, number>;
    pushed?: Record<string, number>;
    created?: Record<string, number>;
  };
  const merges = (await project.store.listAudit({ action: 'sync.merge', limit: 100_000 })).filter(
    (m) => m.details?.runId === run.id,
  ).length;
  const letters = (
    await project.store.listDeadLetters({ recipe: run.recipe, limit: 100_000 })
  ).filter((l) => l.runId === run.id);
  return {
    run,
    read: details.read ?? {},
    pushed: details.pushed ?? {},
    created: details.created ?? {},
    merges,
    rejected: letters.map((l) => ({ reason: l.reason, system: String(l.record.system ?? '') })),
  };
}

/** "crm -> erp: 23 written (21 created)" for each direction, merges and rejections. */
export function describeCycle(report: CycleReport, systems: [string, string]): string[] {
  const [a, b] = systems;
  const flow = (from: string, to: string) =>
    `${from} -> ${to}: ${report.pushed[to] ?? 0} written (${report.created[to] ?? 0} created)`;
  const lines = [
    `read ${report.read[a] ?? 0} from ${a}, ${report.read[b] ?? 0} from ${b}; ${flow(a, b)}; ${flow(b, a)}; merges: ${report.merges}; rejected: ${report.rejected.length}`,
  ];
  for (const r of report.rejected.slice(0, 5))
    lines.push(`    rejected by ${r.system}: ${r.reason}`);
  if (report.rejected.length > 5)
    lines.push(`    ... and ${report.rejected.length - 5} more (ferry dlq list)`);
  return lines;
}
