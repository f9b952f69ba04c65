import { projectErrors } from './errors.ts';
import type { SecretSource } from './references.ts';
import { decryptSecret, encryptSecret } from './secret-cipher.ts';
import { type KeyOptions, loadSecretKey, type SecretKey } from './secret-key.ts';

/**
 * Where ciphertexts are kept: the runtime's Store has exactly these methods (SQLite or
 * PostgreSQL); it only ever sees encrypted text.
 */
export interface SecretBackend {
  putSecret(name: string, ciphertext: string): Promise<void>;
  getSecret(name: string): Promise<string | undefined>;
  listSecrets(): Promise<string[]>;
  deleteSecret(name: string): Promise<boolean>;
}

export interface SecretStoreOptions extends Omit<KeyOptions, 'create'> {
  /** What the backend is (its file), for messages: `.ferry/ferry.db`. */
  location: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,200}$/;

/**
 * Encrypted secrets (AES-256-GCM) on a backend. Values are encrypted before they reach the
 * backend and decrypted only when asked for; names are listed without any key. The key is
 * loaded on first use; storing a secret creates the key file when there is no key.
 */
export class SecretStore implements SecretSource {
  readonly #backend: SecretBackend;
  readonly #options: SecretStoreOptions;
  #key: Promise<SecretKey> | undefined;

  constructor(backend: SecretBackend, options: SecretStoreOptions) {
    this.#backend = backend;
    this.#options = options;
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    if (value === '') {
      throw projectErrors.create(
        'FERRY_SECRET_VALUE_EMPTY',
        `the value of secret '${name}' is empty`,
        {
          file: this.#options.location,
        },
      );
    }
    const { key, origin } = await this.#loadKey(true);
    await this.#checkKeyFits(key, origin, name);
    await this.#backend.putSecret(name, encryptSecret(key, name, value));
  }

  /** The plain value, or undefined when no secret has that name. */
  async get(name: string): Promise<string | undefined> {
    checkName(name);
    const ciphertext = await this.#backend.getSecret(name);
    if (ciphertext === undefined) return undefined;
    const { key, origin } = await this.#loadKey(false);
    return decryptSecret(key, name, ciphertext, { store: this.#options.location, key: origin });
  }

  list(): Promise<string[]> {
    return this.#backend.listSecrets();
  }

  delete(name: string): Promise<boolean> {
    checkName(name);
    return this.#backend.deleteSecret(name);
  }

  /**
   * Refuses to store a secret under a key that does not decrypt the secrets already stored,
   * so one store never holds secrets under two keys.
   */
  async #checkKeyFits(key: Buffer, origin: string, name: string): Promise<void> {
    const other = (await this.#backend.listSecrets()).find((n) => n !== name);
    const ciphertext = other === undefined ? undefined : await this.#backend.getSecret(other);
    if (other === undefined || ciphertext === undefined) return;
    decryptSecret(key, other, ciphertext, { store: this.#options.location, key: origin });
  }

  #loadKey(create: boolean): Promise<SecretKey> {
    const loading = this.#key ?? loadSecretKey({ ...this.#options, create });
    // A key found (or made) is kept; a failure is not, so that `set` may create the file later.
    this.#key = loading;
    loading.catch(() => {
      if (this.#key === loading) this.#key = undefined;
    });
    return loading;
  }
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw projectErrors.create(
      'FERRY_SECRET_NAME_INVALID',
      `${JSON.stringify(name)} is not a valid secret name (letters, digits, _, . and - only)`,
    );
  }
}
