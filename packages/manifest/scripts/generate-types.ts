// Generates src/generated/*.ts from the JSON Schemas with json-schema-to-typescript.
// `tsx scripts/generate-types.ts` writes them; `--check` exits 1 when they are stale. The
// test beside this file runs the same comparison, so a schema edited without regenerating
// fails the test suite.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { canonicalBundle } from '../src/canonical/bundle.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const fromFile = (schema: string) => async () =>
  JSON.parse(await readFile(join(root, schema), 'utf8')) as JSONSchema;

const targets = [
  {
    schema: 'schemas/connector.schema.json',
    load: fromFile('schemas/connector.schema.json'),
    out: 'src/generated/connector-manifest.ts',
    name: 'ConnectorManifest',
  },
  {
    schema: 'schemas/project.schema.json',
    load: fromFile('schemas/project.schema.json'),
    out: 'src/generated/project-file.ts',
    name: 'ProjectFile',
  },
  {
    // The five entity schemas and common.schema.json, bundled into one so that the shared
    // definitions (Address, CustomerRef) are declared once.
    schema: 'schemas/canonical/*.schema.json',
    load: async () => canonicalBundle() as JSONSchema,
    out: 'src/generated/canonical.ts',
    name: 'CanonicalRecord',
  },
];

export interface GeneratedFile {
  path: string;
  content: string;
}

export async function generateTypes(): Promise<GeneratedFile[]> {
  return Promise.all(
    targets.map(async ({ schema, load, out, name }) => {
      const content = await compile(await load(), name, {
        additionalProperties: false,
        unreachableDefinitions: true,
        bannerComment: `// Generated from ${schema} by scripts/generate-types.ts. Do not edit: run \`npm run generate -w @ferry/manifest\`.`,
        style: { singleQuote: true, printWidth: 100 },
      });
      return { path: join(root, out), content };
    }),
  );
}

/** The generated files whose content on disk differs from what the schemas produce now. */
export async function staleTypes(): Promise<string[]> {
  const stale: string[] = [];
  for (const file of await generateTypes()) {
    const current = await readFile(file.path, 'utf8').catch(() => '');
    if (current !== file.content) stale.push(file.path);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = await staleTypes();
    for (const path of stale)
      console.error(`stale: ${path} (run npm run generate -w @ferry/manifest)`);
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    for (const file of await generateTypes()) {
      await writeFile(file.path, file.content);
      console.log(`wrote ${file.path}`);
    }
  }
}
