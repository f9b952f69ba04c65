import { randomBytes } from 'node:crypto';

/** `postgres://user:password@host:port/database`, each part URL-encoded. */
export function postgresUrl(c: {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}): string {
  const e = encodeURIComponent;
  return `postgres://${e(c.user)}:${e(c.password)}@${c.host}:${c.port}/${e(c.database)}`;
}

/** A random password (URL-safe characters). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
