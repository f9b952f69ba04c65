import { defineErrors } from '@ferry/manifest';

/** The error table of `ferry new` (scaffolding connectors and projects). */
export const scaffoldErrors = defineErrors({
  FERRY_NEW_INVALID_NAME: {
    title: 'The name given to `ferry new connector` is not a valid connector or npm package name',
    hint: 'Use lowercase letters, digits and hyphens, starting with a letter (acme-crm), or a full npm package name (@acme/ferry-connector-crm).',
  },
  FERRY_NEW_TARGET_EXISTS: {
    title:
      'The folder `ferry new` would write into already has files (for a project: a ferry.yaml)',
    hint: "Choose another name or --dir, or pass --force to write the template's files into it: files with the same names are replaced, nothing else is touched.",
  },
  FERRY_NEW_CANCELLED: {
    title:
      'The questions of `ferry new` were interrupted (Ctrl-C or end of input); nothing was written',
    hint: 'Run the command again, or give the answers as options with --yes to ask nothing.',
  },
  FERRY_NEW_TEMPLATES_MISSING: {
    title: 'The scaffolding templates cannot be found beside the ferry command',
    hint: 'Reinstall @ferry/cli; inside the Ferry repository, restore the templates/ folder (git checkout templates).',
  },
});
