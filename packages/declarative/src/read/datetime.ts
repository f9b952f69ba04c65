/**
 * Datetime cursor formats: 'iso8601' (the default), or strftime-like patterns as Airbyte's
 * declarative manifests use them: %Y %m %d %H %M %S, %f (microseconds), %z (offset), and the
 * whole-value forms %s (epoch seconds) and %ms (epoch milliseconds). Times are UTC.
 */
export interface DatetimeFormat {
  parse(value: unknown): number | undefined;
  format(epochMs: number): string | number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function datetimeFormat(pattern = 'iso8601'): DatetimeFormat {
  if (pattern === 'iso8601') {
    return {
      parse: (v) =>
        typeof v === 'string' && v !== ''
          ? finite(Date.parse(v))
          : typeof v === 'number'
            ? v
            : undefined,
      format: (ms) => new Date(ms).toISOString().replace('.000Z', 'Z'),
    };
  }
  if (pattern === '%s' || pattern === 'epoch') {
    return { parse: (v) => scaled(v, 1000), format: (ms) => Math.floor(ms / 1000) };
  }
  if (pattern === '%ms' || pattern === 'epoch_ms') {
    return { parse: (v) => scaled(v, 1), format: (ms) => Math.floor(ms) };
  }
  const tokens = pattern.split(/(%[YmdHMSfz])/).filter((t) => t !== '');
  const regex = new RegExp(
    `^${tokens
      .map((t) =>
        t === '%Y'
          ? '(\\d{4})'
          : t === '%f'
            ? '(\\d{1,6})'
            : t === '%z'
              ? '(Z|[+-]\\d{2}:?\\d{2})'
              : /^%[mdHMS]$/.test(t)
                ? '(\\d{2})'
                : escapeRegex(t),
      )
      .join('')}$`,
  );
  const fields = tokens.filter((t) => /^%[YmdHMSfz]$/.test(t));
  return {
    parse(value) {
      if (typeof value !== 'string') return undefined;
      const match = regex.exec(value);
      if (!match) return undefined;
      const part: Record<string, string> = {};
      fields.forEach((f, i) => {
        part[f] = match[i + 1] as string;
      });
      const ms = Date.UTC(
        Number(part['%Y'] ?? 1970),
        Number(part['%m'] ?? 1) - 1,
        Number(part['%d'] ?? 1),
        Number(part['%H'] ?? 0),
        Number(part['%M'] ?? 0),
        Number(part['%S'] ?? 0),
        Math.floor(Number((part['%f'] ?? '0').padEnd(6, '0')) / 1000),
      );
      return ms - offsetMs(part['%z']);
    },
    format(ms) {
      const d = new Date(ms);
      const values: Record<string, string> = {
        '%Y': String(d.getUTCFullYear()),
        '%m': pad(d.getUTCMonth() + 1),
        '%d': pad(d.getUTCDate()),
        '%H': pad(d.getUTCHours()),
        '%M': pad(d.getUTCMinutes()),
        '%S': pad(d.getUTCSeconds()),
        '%f': pad(d.getUTCMilliseconds() * 1000, 6),
        '%z': '+0000',
      };
      return tokens.map((t) => values[t] ?? t).join('');
    },
  };
}

function offsetMs(z: string | undefined): number {
  if (!z || z === 'Z') return 0;
  const sign = z.startsWith('-') ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

function scaled(value: unknown, factor: number): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) ? n * factor : undefined;
}

function finite(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
