import pg from 'pg';

/**
 * How values read from PostgreSQL become JSON. node-postgres' defaults return Date objects
 * (which drop microseconds and depend on the process time zone), Buffers and interval objects,
 * and turn numeric into lossy floats inside arrays; records must be plain JSON that reads back
 * the same every time, and cursor values must compare exactly in SQL, so:
 *
 * - int8 and numeric are JSON numbers when a number holds them exactly, else strings;
 * - date, timestamp and timestamptz are ISO 8601 text with all their digits (timestamptz in
 *   UTC with `Z`, since every session runs with TimeZone UTC);
 * - bytea is PostgreSQL's hex text (`\x...`), interval its ISO 8601 text (IntervalStyle
 *   iso_8601), NaN and infinite floats strings; json/jsonb parsed, arrays as JSON arrays.
 */

/** A decimal's digits and exponent without redundant zeros, e.g. '1.50' and '15e-1' -> '15e-1'. */
function canonicalDecimal(text: string): string | undefined {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) return undefined;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  let digits = (int + frac).replace(/^0+/, '');
  let exponent = Number(exp) - frac.length;
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return digits === '' ? '0' : `${sign}${digits}e${exponent}`;
}

/** A numeric's text as a JSON number when the number is exactly that value, else the text. */
export function numericToJson(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const exact = canonicalDecimal(text);
  if (n === 0) return 0; // never -0
  return exact !== undefined && exact === canonicalDecimal(String(n)) ? n : text;
}

export function int8ToJson(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

export function floatToJson(text: string): number | string {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : text;
}

/** '2024-01-02 03:04:05.123456+00' -> '2024-01-02T03:04:05.123456Z'; BC and infinity unchanged. */
export function timestampToJson(text: string): string {
  if (!/^\d{4,}-\d\d-\d\d \d/.test(text) || text.endsWith(' BC')) return text;
  return text
    .replace(' ', 'T')
    .replace(/\+00$/, 'Z')
    .replace(/([+-]\d\d)$/, '$1:00');
}

const same = (text: string) => text;

const arrayOf =
  (parse: (text: string) => unknown) =>
  (text: string): unknown[] =>
    // pg-types' array parser; its typings describe it as a function, it is an object
    (
      pg.types.arrayParser as unknown as {
        create(
          source: string,
          transform: (entry: string | null) => unknown,
        ): { parse(): unknown[] };
      }
    )
      .create(text, (entry) => (entry === null ? null : parse(entry)))
      .parse();

/** Type OID -> parser, for the types whose default conversion is not right for records. */
const PARSERS: Record<number, (text: string) => unknown> = {
  20: int8ToJson, // int8
  1016: arrayOf(int8ToJson),
  1700: numericToJson, // numeric
  1231: arrayOf(numericToJson),
  700: floatToJson, // float4
  701: floatToJson, // float8
  1021: arrayOf(floatToJson),
  1022: arrayOf(floatToJson),
  1082: same, // date
  1182: arrayOf(same),
  1114: timestampToJson, // timestamp
  1115: arrayOf(timestampToJson),
  1184: timestampToJson, // timestamptz
  1185: arrayOf(timestampToJson),
  1186: same, // interval
  1187: arrayOf(same),
  17: same, // bytea
  1001: arrayOf(same),
};

/** The `types` setting of every connection: these parsers, else node-postgres' own. */
export const recordTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && PARSERS[oid]
      ? PARSERS[oid]
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
