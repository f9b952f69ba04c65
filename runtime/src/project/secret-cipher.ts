import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { projectErrors } from './errors.ts';

/**
 * Secret values at rest: AES-256-GCM with a fresh random 12-byte IV per value, written as
 * `v1:<base64 iv>:<base64 tag>:<base64 data>`. The secret's name is authenticated too (GCM
 * additional data), so a stored value cannot be passed off under another name.
 */
export function encryptSecret(key: Buffer, name: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(name));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `v1:${iv.toString('base64')}:${tag.toString('base64')}:${data.toString('base64')}`;
}

/** Decrypts a stored value; a wrong key or damaged text is FERRY_SECRET_DECRYPT_FAILED. */
export function decryptSecret(
  key: Buffer,
  name: string,
  ciphertext: string,
  where: { store: string; key: string },
): string {
  const parts = ciphertext.split(':');
  const [version, iv, tag, data] = parts;
  const fail = (why: string) =>
    projectErrors.create(
      'FERRY_SECRET_DECRYPT_FAILED',
      `secret '${name}' in ${where.store} cannot be decrypted: ${why}`,
      { file: where.store },
    );
  if (parts.length !== 4 || version !== 'v1' || !iv || !tag || data === undefined)
    throw fail(
      'the stored value is not in the v1:<iv>:<tag>:<data> format (damaged or written by something else)',
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(aad(name));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw fail(
      `the secret key does not decrypt it (key from ${where.key}); check FERRY_SECRET_KEY`,
    );
  }
}

function aad(name: string): Buffer {
  return Buffer.from(`ferry-secret:v1:${name}`, 'utf8');
}
