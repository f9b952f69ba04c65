const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A manifest Duration (milliseconds, or '500ms', '30s', '5m', '1h', '7d') in milliseconds. */
export function durationMs(value: number | string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value);
  if (!match) return fallback;
  return Number(match[1]) * (UNIT_MS[match[2] as string] ?? 1);
}
