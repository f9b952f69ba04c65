import { ORIGIN_PLACEHOLDER } from './fixtures.ts';

/** What a secret value is replaced with in fixtures (and what the replay config holds). */
export const SCRUBBED = '***';

/** Headers that carry credentials: never stored as sent. */
export const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/** Tokens shorter than this, seen in credential headers, are not hunted for elsewhere. */
const MIN_DERIVED = 6;

/**
 * Replaces secret values, in every form they travel in (as is, URL- and form-encoded, JSON
 * escaped), with `***`, and the recorded API's origin with the replay placeholder.
 */
export class Scrubber {
  readonly #forms: string[];

  constructor(
    secrets: Iterable<string>,
    readonly origin: string | undefined,
  ) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret === '' || secret === SCRUBBED) continue;
      forms.add(secret);
      forms.add(encodeURIComponent(secret));
      forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
      // form bodies (URLSearchParams) encode ~ ! ' ( ) unlike encodeURIComponent
      forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
      forms.add(JSON.stringify(secret).slice(1, -1));
    }
    this.#forms = [...forms].sort((a, b) => b.length - a.length);
  }

  /** Text with secrets scrubbed and the origin replaced by the placeholder. */
  text(text: string): string {
    let out = text;
    for (const form of this.#forms) out = out.split(form).join(SCRUBBED);
    if (this.origin)
      out = out
        .split(this.origin)
        .join(ORIGIN_PLACEHOLDER)
        .split(encodeURIComponent(this.origin))
        .join(encodeURIComponent(ORIGIN_PLACEHOLDER))
        .split(formEncoded(this.origin))
        .join(formEncoded(ORIGIN_PLACEHOLDER));
    return out;
  }

  /**
   * A header value, scrubbed. A credential header keeps its shape when the secret inside is
   * known (`Bearer ***`, `Basic <base64 of user:***>`, `sid=***`), so a replay with `***`
   * secrets sends the same value; otherwise its whole value becomes `***`.
   */
  header(name: string, value: string): string {
    const basic = /^basic\s+(\S+)$/i.exec(value);
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const scrubbed = this.text(decoded);
      if (scrubbed !== decoded)
        return `${value.slice(0, value.length - basic[1].length)}${Buffer.from(scrubbed).toString('base64')}`;
      return SCRUBBED;
    }
    const scrubbed = this.text(value);
    if (CREDENTIAL_HEADERS.has(name) && !scrubbed.includes(SCRUBBED)) return SCRUBBED;
    return scrubbed;
  }

  headers(headers: Record<string, string>, drop: ReadonlySet<string> = new Set()) {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (!drop.has(lower)) out[lower] = this.header(lower, value);
    }
    return out;
  }

  /** Every string inside a JSON value, scrubbed. */
  json<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.json(item)) as T;
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.json(item)]),
      ) as T;
    return value;
  }
}

/**
 * Credentials obtained at run time (an OAuth access token, a session cookie) seen in the
 * credential headers of the recorded exchanges: scrubbed everywhere too, token answers included.
 */
export function derivedSecrets(
  exchanges: {
    request: { headers: Record<string, string> };
    response: { headers: Record<string, string> };
  }[],
): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_DERIVED && trimmed !== SCRUBBED) found.add(trimmed);
  };
  for (const { request, response } of exchanges) {
    for (const [name, value] of Object.entries(request.headers)) {
      const lower = name.toLowerCase();
      if (lower === 'authorization' || lower === 'proxy-authorization') {
        if (/^basic\s/i.test(value)) continue;
        add(/^\S+\s+(.+)$/.exec(value)?.[1] ?? value);
      } else if (lower === 'x-api-key') add(value);
      else if (lower === 'cookie') for (const part of value.split(';')) add(part.split('=')[1]);
    }
    for (const [name, value] of Object.entries(response.headers))
      if (name.toLowerCase() === 'set-cookie')
        for (const cookie of value.split(/,\s*(?=[^;=\s]+=)/))
          add(cookie.split(';')[0]?.split('=')[1]);
  }
  return [...found];
}

/** A value as a form body (`URLSearchParams`) writes it. */
export function formEncoded(value: string): string {
  return new URLSearchParams({ s: value }).toString().slice(2);
}
