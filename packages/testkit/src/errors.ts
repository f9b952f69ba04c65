import { defineErrors } from '@ferry/manifest';

/** The error table of @ferry/testkit: fixtures, recording and generated regression tests. */
export const testkitErrors = defineErrors({
  FERRY_FIXTURES_NOT_FOUND: {
    title: 'A fixtures folder, or a file it must hold, does not exist',
    hint: 'Record fixtures first: ferry record <connector> --config <file> (it writes fixtures/config.json, cassettes/ and golden/).',
  },
  FERRY_FIXTURES_INVALID: {
    title: 'A fixtures file (config, cassette or golden output) is not in the expected format',
    hint: 'Record the fixtures again with ferry record, or fix the file by hand following the format in docs.',
  },
  FERRY_RECORD_BASE_URL_UNKNOWN: {
    title:
      "The connector's base URL setting cannot be found in its config, so it cannot be replayed",
    hint: 'Pass the name of the config field that holds the base URL (ferry record --base-url-key <field>).',
  },
  FERRY_RECORD_FOREIGN_HOST: {
    title: "While recording, the connector reached a host other than its base URL's",
    hint: "Replay serves only the base URL's origin: point every URL setting of the config at the API being recorded.",
  },
  FERRY_REGRESSION_TEST_EXISTS: {
    title: 'A different regression test file already exists where ferry record writes one',
    hint: 'Keep your file, or overwrite it with ferry record --force.',
  },
});

export type TestkitErrorCode = keyof typeof testkitErrors.codes;
