import { defineErrors } from './define-errors.ts';

/** The error table of @ferry/manifest: reading files, schema validation and compatibility. */
export const manifestErrors = defineErrors({
  FERRY_FILE_NOT_FOUND: {
    title: 'A file Ferry was asked to read does not exist or cannot be read',
    hint: 'Check the path; relative paths are resolved from the file that names them.',
  },
  FERRY_YAML_SYNTAX: {
    title: 'A YAML file does not parse',
    hint: 'Fix the YAML syntax at the line shown (indentation, a missing colon, an unclosed quote).',
  },
  FERRY_JSON_SYNTAX: {
    title: 'A JSON file does not parse',
    hint: 'Fix the JSON syntax at the line shown (a trailing comma, a missing quote or brace).',
  },
  FERRY_SCHEMA_UNKNOWN_KEY: {
    title: 'A key that the schema does not allow at this place',
    hint: 'Remove the key or correct its spelling; the message lists the closest allowed key.',
  },
  FERRY_SCHEMA_MISSING_KEY: {
    title: 'A required key is missing',
    hint: 'Add the key named in the message.',
  },
  FERRY_SCHEMA_WRONG_TYPE: {
    title: 'A value has the wrong type (a string where a list is expected, and so on)',
    hint: 'Change the value to the type named in the message.',
  },
  FERRY_SCHEMA_BAD_VALUE: {
    title:
      'A value has the right type but is not allowed (not in the list, wrong form, out of range)',
    hint: 'Use one of the values or the form the message names.',
  },
  FERRY_MANIFEST_DUPLICATE_STREAM: {
    title: 'Two streams of one manifest have the same name',
    hint: 'Give each stream a unique name.',
  },
  FERRY_MANIFEST_UNKNOWN_STREAM: {
    title: 'The manifest refers to a stream it does not define',
    hint: 'Use the name of a stream listed under `streams`.',
  },
  FERRY_MANIFEST_UNKNOWN_FIELD: {
    title: "A stream's primaryKey or cursorField is not a property of its record schema",
    hint: "Add the field to the stream's record schema, or name a field that is there.",
  },
  FERRY_MANIFEST_RESTART_UNSORTED: {
    title: 'A pagination restart needs a sorted incremental stream',
    hint: 'Add `incremental` with `sorted: true` and a `cursorField` to the stream, or remove `pagination.restart`.',
  },
  FERRY_MANIFEST_CANONICAL_UNKNOWN_ENTITY: {
    title: "A stream's `canonical.entity` is not an entity of the canonical dictionary",
    hint: 'Use one of Customer, Contact, Product, SalesOrder, Invoice (the message suggests the closest).',
  },
  FERRY_MANIFEST_CANONICAL_UNKNOWN_FIELD: {
    title:
      'A canonical field path (a key of `canonical.fields` or `canonical.read`) is not a field of the entity',
    hint: "Use a field of the entity's schema (packages/manifest/schemas/canonical/), dots for nesting: `billingAddress.city`.",
  },
  FERRY_MANIFEST_CANONICAL_UNKNOWN_RECORD_FIELD: {
    title:
      "A record field path in a `canonical` block (a value of `fields`, a key of `write`) is not a property of the stream's record schema",
    hint: "Add the field to the stream's record schema, or name a field that is there (dots for nesting).",
  },
  FERRY_MANIFEST_BAD_SCHEMA: {
    title: 'A record or config schema is not a valid JSON Schema',
    hint: 'Fix the schema keyword named in the message (see json-schema.org, draft 2020-12).',
  },
  FERRY_MANIFEST_FILE_MISSING: {
    title: 'A schema or handler file referenced by the manifest does not exist in the package',
    hint: 'Create the file, fix the path, or build the package (`npm run build`) if it is compiled output.',
  },
  FERRY_PACKAGE_NO_MANIFEST: {
    title: 'A connector package folder has no manifest',
    hint: 'Add `"ferry": { "manifest": "./connector.yaml" }` to package.json and create that file.',
  },
  FERRY_PACKAGE_NAME_MISMATCH: {
    title: "The manifest's name differs from the package.json name",
    hint: "Set the manifest's `name` to the package name exactly.",
  },
  FERRY_PACKAGE_VERSION_MISMATCH: {
    title: "The manifest's version differs from the package.json version",
    hint: 'Remove `version` from the manifest (package.json is authoritative) or make them equal.',
  },
  FERRY_RUNTIME_RANGE_INVALID: {
    title: "A manifest's `runtime` is not a semver range",
    hint: 'Use a range such as "^1" or ">=1.2 <2".',
  },
  FERRY_RUNTIME_INCOMPATIBLE: {
    title: 'A connector requires a runtime API version this Ferry does not provide',
    hint: 'Install a connector version whose `runtime` range includes this runtime, or upgrade Ferry.',
  },
  FERRY_PROJECT_UNKNOWN_CONNECTION: {
    title: 'A recipe names a connection that the project does not define',
    hint: 'Use a connection id listed under `connections`, or add it.',
  },
  FERRY_PROJECT_INLINE_SECRET: {
    title: 'A secret-looking config value is written in plain text in the project file',
    hint: 'Reference it instead: `${env:NAME}` (an environment variable) or `${secret:name}` (the encrypted store).',
  },
  FERRY_PROJECT_BAD_REFERENCE: {
    title: 'A `${...}` reference in a project file has an unknown kind or a malformed name',
    hint: 'Write `${env:NAME}` (letters, digits and _) or `${secret:name}`.',
  },
});

export type ManifestErrorCode = keyof typeof manifestErrors.codes;
