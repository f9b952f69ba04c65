import type { Flat } from './values.ts';

/** The match rules of a two-way sync, tried in order (the project file's `twoWay.match`). */
export type MatchRule = 'email' | 'domain' | 'name' | 'sku';

/**
 * Domains that say nothing about which customer an address belongs to: mailbox providers, and
 * the example domains reserved by RFC 2606 that no company owns.
 */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'example.com',
  'example.org',
  'example.net',
]);

/** Legal forms left out when names are compared ("ACME Inc." = "Acme, Inc" = "acme"). */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'kk',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'kg',
]);

export function normalizeEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** A company's domain from its website, else from a non-free-mail email address. */
export function normalizeDomain(website: unknown, email: unknown): string | undefined {
  if (typeof website === 'string' && website.trim() !== '') {
    const host = website
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .split(/[/?#:]/)[0];
    if (host?.includes('.')) return host;
  }
  const domain = normalizeEmail(email)?.split('@')[1];
  return domain && !FREE_MAIL.has(domain) ? domain : undefined;
}

/** Lower case, accents and punctuation removed, legal forms dropped, spaces collapsed. */
export function normalizeName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const words = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  return words.length === 0 ? undefined : words.join(' ');
}

/** The match keys of an entity's values, in rule order: ['email:sales@acme.com', 'name:acme']. */
export function matchKeys(rules: readonly MatchRule[], values: Flat): string[] {
  const keys: string[] = [];
  // a domain or a name identifies a company, not a person: two people named Ana Silva, or two
  // colleagues at acme.com, are different customers. Records that say they are companies, or
  // have neither the flag nor an email (products), are matched on them.
  const company =
    values.isCompany === true || (values.isCompany === undefined && values.email === undefined);
  for (const rule of rules) {
    if ((rule === 'domain' || rule === 'name') && !company) continue;
    const key =
      rule === 'email'
        ? normalizeEmail(values.email)
        : rule === 'domain'
          ? normalizeDomain(values.website ?? values.domain, values.email)
          : rule === 'sku'
            ? normalizeSku(values.sku)
            : normalizeName(values.name);
    if (key !== undefined) keys.push(`${rule}:${key}`);
  }
  return keys;
}

/** Product codes compare without case and surrounding spaces. */
export function normalizeSku(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim().toUpperCase();
}
