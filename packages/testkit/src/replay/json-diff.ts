import { canonical } from '../conformance/records.ts';

/** How many diff lines a message shows before it says how many more there are. */
const MAX_LINES = 40;

/**
 * A unified diff of two JSON values, pretty-printed with sorted keys, cut after the first
 * differences: `- expected` lines from `a`, `+ actual` lines from `b`. The `diff` package is
 * loaded only when there is a difference to show.
 */
export async function jsonDiff(
  aName: string,
  bName: string,
  a: unknown,
  b: unknown,
): Promise<string> {
  const { structuredPatch } = await import('diff');
  const patch = structuredPatch(
    aName,
    bName,
    `${canonical(a, 2)}\n`,
    `${canonical(b, 2)}\n`,
    '',
    '',
    { context: 3 },
  );
  const lines = [`--- ${aName}`, `+++ ${bName}`];
  let shown = 0;
  let hidden = 0;
  for (const hunk of patch.hunks) {
    const body = [
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      ...hunk.lines,
    ];
    if (shown >= MAX_LINES) {
      hidden += hunk.lines.filter(
        (line: string) => line.startsWith('-') || line.startsWith('+'),
      ).length;
      continue;
    }
    lines.push(...body);
    shown += body.length;
  }
  if (hidden > 0) lines.push(`... and ${hidden} more changed line(s)`);
  return lines.join('\n');
}
