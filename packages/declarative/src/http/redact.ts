/** What a secret is replaced with in messages, hints, details and logs. */
export const REDACTED = '***';

/**
 * Replaces every secret value in a text with `***`. Secrets also appear URL-encoded (in query
 * strings and form bodies), so those forms are replaced too. Values the client derives at run
 * time (OAuth2 access and refresh tokens, session tokens, basic-auth headers) are added with
 * `add` as soon as they are known.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  constructor(secrets: readonly string[] = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (secret === undefined || secret === '') return;
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
    ];
    let changed = false;
    for (const form of forms) {
      if (!this.#secrets.has(form)) {
        this.#secrets.add(form);
        changed = true;
      }
    }
    if (changed) this.#pattern = undefined;
  }

  redact(text: string): string {
    if (this.#secrets.size === 0 || text === '') return text;
    this.#pattern ??= compile(this.#secrets);
    return text.replace(this.#pattern, REDACTED);
  }
}

/** One alternation of every form, longest first, so a secret inside another is not half-kept. */
function compile(secrets: Set<string>): RegExp {
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redacts a text with a fixed list of secrets (a one-off; clients keep a `Redactor`). */
export function redact(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).redact(text);
}
