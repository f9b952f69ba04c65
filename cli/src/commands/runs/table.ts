/**
 * A compact text table: a header row and left-aligned columns (right-aligned when `numeric`),
 * two spaces apart, with no trailing spaces. Cells longer than `max` are cut with an ellipsis.
 */
export function formatTable(
  columns: { title: string; numeric?: boolean; max?: number }[],
  rows: string[][],
): string {
  const cut = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const cells = [
    columns.map((c) => c.title),
    ...rows.map((row) => row.map((cell, i) => cut(cell, columns[i]?.max))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return cells
    .map((row) =>
      row
        .map((cell, i) =>
          columns[i]?.numeric ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `2025-03-01T10:00:05.123Z` -> `2025-03-01 10:00:05` (UTC). */
export function shortTime(iso: string | undefined): string {
  return iso
    ? iso
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')
        .replace(/Z$/, '')
    : '';
}

/** Seconds between two ISO times, as `12.3s` or `4m05s`. */
export function duration(from: string, to: string | undefined): string {
  if (!to) return '';
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${String(Math.round(seconds - m * 60)).padStart(2, '0')}s`;
}
