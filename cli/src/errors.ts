import { defineErrors } from '@ferry/manifest';

/** The error table of @ferry/cli. */
export const cliErrors = defineErrors({
  FERRY_CONFIG_FILE_INVALID: {
    title: 'A --config or --state file cannot be read or parsed',
    hint: 'Give a JSON or YAML file holding one object of settings.',
  },
  FERRY_ENV_MISSING: {
    title: 'A ${env:NAME} reference names an environment variable that is not set',
    hint: 'Set the variable (export NAME=...) before running the command.',
  },
});
