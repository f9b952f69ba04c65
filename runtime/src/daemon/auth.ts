import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * True when an `Authorization` header carries `Bearer <token>`. Both sides are hashed first, so
 * the comparison is constant-time and does not leak the token's length.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const given = match?.[1]?.trim() ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/** `sha256=<hex>`: the HMAC-SHA256 of a webhook's raw body with the shared secret. */
export function signBody(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Checks an `X-Ferry-Signature` header against the raw body, in constant time. */
export function signatureMatches(
  body: Buffer,
  header: string | undefined,
  secret: string,
): boolean {
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from((header ?? '').trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
