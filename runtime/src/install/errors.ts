import { defineErrors } from '@ferry/manifest';

/** The error table of @ferry/runtime installs: specs, npm, the lockfile and the loader. */
export const installErrors = defineErrors({
  FERRY_INSTALL_SPEC_INVALID: {
    title:
      'An install spec is neither an existing folder or tarball nor an npm name with a version range',
    hint: 'Give an npm spec such as @ferry/connector-github@^1, a package folder (./connectors/x) or a .tgz file.',
  },
  FERRY_INSTALL_NPM_FAILED: {
    title: 'npm failed while packing a connector or installing its dependencies',
    hint: "Read npm's error lines in the message (E404: the name or version does not exist; network errors: check the registry); fix the spec or the registry settings and run `ferry install` again.",
  },
  FERRY_INSTALL_TARBALL_INVALID: {
    title:
      'A connector tarball cannot be extracted, or its package.json lacks a valid name or version',
    hint: 'Give a tarball made by `npm pack`; its package.json needs an npm `name` and a semver `version`.',
  },
  FERRY_INSTALL_PACKAGE_INVALID: {
    title: 'A package being installed is not a valid Ferry connector, so it was not installed',
    hint: 'Fix the issues listed (file, JSON path and fix for each); for a folder, remember that npm packs only the files listed in package.json `files` (check with `npm pack --dry-run <folder>`).',
  },
  FERRY_CONNECTOR_PIN_INVALID: {
    title: "A connector pin is not 'name@range' with an npm name and a semver range",
    hint: 'Write the connection\'s connector as "@scope/connector-x@^1" (a semver range after the last @).',
  },
  FERRY_CONNECTOR_NOT_INSTALLED: {
    title: 'No installed version of a connector satisfies the version range asked for',
    hint: 'Install a matching version with `ferry install <name>@<range>`, or change the range the connection pins.',
  },
  FERRY_LOCK_INVALID: {
    title: 'ferry.lock does not parse or does not have the shape Ferry writes',
    hint: 'Restore ferry.lock from version control, or delete it and run `ferry install` again for every connector.',
  },
  FERRY_LOCK_ENTRY_MISSING: {
    title:
      'An installed connector folder has no entry in ferry.lock, so its integrity cannot be checked',
    hint: 'Install it again with `ferry install <spec> --force`, which records it in ferry.lock.',
  },
  FERRY_LOCK_INTEGRITY_MISMATCH: {
    title:
      'A connector installed from ferry.lock did not pack to the integrity the lock records (its source changed)',
    hint: 'If the change is expected, install it again by spec (`ferry install <spec> --force`), which records the new integrity; otherwise find out why the package changed.',
  },
  FERRY_CONNECTOR_TAMPERED: {
    title:
      'The files of an installed connector differ from what was installed (content hash mismatch)',
    hint: 'Do not edit files under .ferry/connectors; reinstall the connector with `ferry install <spec> --force`.',
  },
});

export type InstallErrorCode = keyof typeof installErrors.codes;
