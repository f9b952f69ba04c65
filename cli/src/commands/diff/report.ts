import type { VersionDiff } from '@ferry/testkit';

/** Changed records listed per stream in the text report (--json lists what the diff holds). */
const SHOWN = 5;

type StreamDiff = VersionDiff['streams'][number];

function streamLines(s: StreamDiff): string[] {
  const lines: string[] = [];
  if (s.errors?.a) lines.push(`replay of a failed: ${s.errors.a}`);
  if (s.errors?.b) lines.push(`replay of b failed: ${s.errors.b}`);
  if (s.counts.a !== s.counts.b) lines.push(`records: ${s.counts.a} in a, ${s.counts.b} in b`);
  if (s.missingKeys.b > 0) lines.push(`primary keys of a missing from b: ${s.missingKeys.b}`);
  if (s.missingKeys.a > 0) lines.push(`primary keys of b missing from a: ${s.missingKeys.a}`);
  for (const change of s.schemaChanges) lines.push(`schema: ${change}`);
  if (s.changedRecords.length > 0) {
    const more =
      s.changedRecords.length > SHOWN ? ` (first ${SHOWN} of ${s.changedRecords.length})` : '';
    lines.push(`changed records${more}:`);
    for (const { key, diff } of s.changedRecords.slice(0, SHOWN)) lines.push(`  ${key} ${diff}`);
  }
  if (!s.stateEqual) lines.push('final state differs');
  return lines;
}

/** The `ferry diff` report: per stream, equal or what differs; then a summary line. */
export function formatDiff(title: string, diff: VersionDiff): string {
  const lines = [title];
  let differing = 0;
  for (const s of diff.streams) {
    const details = streamLines(s);
    if (details.length === 0) {
      lines.push(`  = ${s.stream}: equal (${s.counts.a} records)`);
      continue;
    }
    differing++;
    lines.push(
      `  ≠ ${s.stream}:`,
      ...details.map((line) => `      ${line.split('\n').join('\n      ')}`),
    );
  }
  lines.push(
    '',
    diff.equal
      ? `equal: ${diff.streams.length} stream(s) replay the same in both versions`
      : `different: ${differing} of ${diff.streams.length} stream(s) differ`,
  );
  return lines.join('\n');
}
