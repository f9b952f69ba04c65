import { defineErrors } from '@ferry/manifest';

/** The error table of the store (@ferry/runtime): opening, migrating and writing the store. */
export const storeErrors = defineErrors({
  FERRY_STORE_OPEN_FAILED: {
    title:
      'The store file cannot be opened (missing permissions, a folder in the way, not a database)',
    hint: 'Check that the folder is writable and that the file is a Ferry store; move a damaged file away to start a new store.',
  },
  FERRY_STORE_MIGRATION_FAILED: {
    title: 'A schema migration of the store failed; the store was left at the version before it',
    hint: 'Read the cause in the message; restore the store from a backup or report the failing migration.',
  },
  FERRY_STORE_SCHEMA_TOO_NEW: {
    title: 'The store was upgraded by a newer version of Ferry than the one running',
    hint: 'Upgrade Ferry to the version that last opened this store (or newer), or point it at another store.',
  },
  FERRY_STORE_RUN_NOT_FOUND: {
    title: 'A run was updated, or a batch committed for a run, that the store does not have',
    hint: 'Create the run with createRun before committing batches for it; check the run id.',
  },
  FERRY_STORE_VALUE_INVALID: {
    title: 'A value cannot be stored as JSON (a circular structure or a BigInt)',
    hint: 'Give plain JSON data: objects, arrays, strings, finite numbers, booleans and null.',
  },
  FERRY_STORE_IDENTITY_CONFLICT: {
    title: 'An external id is already linked to a different Ferry id',
    hint: 'Link the record to the Ferry id it already has (findIdentity returns it); one external record belongs to one entity.',
  },
});

export type StoreErrorCode = keyof typeof storeErrors.codes;
