import { defineErrors } from '@ferry/manifest';

/** The error table of @ferry/runtime projects: ferry.yaml, references, secrets and recipes. */
export const projectErrors = defineErrors({
  FERRY_PROJECT_INVALID: {
    title: 'The project file (ferry.yaml) failed validation',
    hint: 'Run `ferry validate ferry.yaml` to see every problem with its line and fix.',
  },
  FERRY_PROJECT_ENV_MISSING: {
    title: 'A connection config references an environment variable (${env:NAME}) that is not set',
    hint: 'Set the variable (export NAME=...) in the environment Ferry runs in.',
  },
  FERRY_SECRET_NOT_FOUND: {
    title: 'A ${secret:name} reference or a secret command names a secret the store does not have',
    hint: 'Store it with `ferry secret set <name>` (the value is read from stdin); `ferry secret list` shows the names stored.',
  },
  FERRY_SECRET_NAME_INVALID: {
    title: 'A secret name has characters a ${secret:name} reference cannot hold',
    hint: 'Use letters, digits, `_`, `.` and `-` only (at most 200).',
  },
  FERRY_SECRET_VALUE_EMPTY: {
    title: 'A secret value read from stdin is empty',
    hint: 'Pipe the value in: `printf %s "$TOKEN" | ferry secret set <name> --value-stdin`.',
  },
  FERRY_SECRET_KEY_MISSING: {
    title:
      'Secrets must be decrypted but there is no secret key (FERRY_SECRET_KEY unset, no key file)',
    hint: 'Set FERRY_SECRET_KEY (base64 of 32 bytes) or FERRY_SECRET_KEY_FILE to the key the secrets were stored with, or restore .ferry/secret.key.',
  },
  FERRY_SECRET_KEY_INVALID: {
    title: 'The secret key (FERRY_SECRET_KEY or the key file) is not base64 of 32 bytes',
    hint: 'Make a key with `openssl rand -base64 32` and put it in FERRY_SECRET_KEY or the key file.',
  },
  FERRY_SECRET_DECRYPT_FAILED: {
    title:
      'A stored secret cannot be decrypted: the key differs from the one it was stored with, or the stored value is damaged',
    hint: 'Check FERRY_SECRET_KEY (or FERRY_SECRET_KEY_FILE / .ferry/secret.key): it must be the key the secrets were stored with; otherwise store the secret again with `ferry secret set`.',
  },
  FERRY_RECIPE_STREAM_NOT_FOUND: {
    title: "A recipe's source or destination names a stream its connector does not have",
    hint: 'Use a stream the connector lists (`ferry discover <connector>`).',
  },
  FERRY_RECIPE_STREAM_NOT_READABLE: {
    title: "A recipe's source stream cannot be read (its manifest entry has no `read`)",
    hint: 'Read from a stream that has a read definition, or swap source and destination.',
  },
  FERRY_RECIPE_STREAM_NOT_WRITABLE: {
    title: "A recipe's destination stream cannot be written (its manifest entry has no `write`)",
    hint: 'Write to a stream that has a write definition, or use a connector version that can write it.',
  },
  FERRY_RECIPE_MAPPING_UNKNOWN_FIELD: {
    title: "A mapping key is not a property of the destination stream's record schema",
    hint: "Map to a field the destination stream has; `ferry discover` prints each stream's schema.",
  },
  FERRY_RECIPE_MAPPING_UNKNOWN_SOURCE_FIELD: {
    title: "A mapping reads a field that is not a property of the source stream's record schema",
    hint: 'Read a field the source stream has (`ferry discover` prints the schema); check the spelling.',
  },
  FERRY_RECIPE_MAPPING_REQUIRED: {
    title:
      "A recipe has no mapping, but its streams' records do not fit each other (different canonical entities, or different shapes)",
    hint: 'Add a `mapping` (destination field -> expression over the source record), or use two streams that map onto the same canonical entity.',
  },
});

export type ProjectErrorCode = keyof typeof projectErrors.codes;
