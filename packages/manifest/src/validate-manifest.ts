import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkCanonical } from './canonical/validate-canonical.ts';
import { runtimeIncompatibility } from './compat.ts';
import { checkAgainst } from './explain.ts';
import type { ConnectorManifest, RecordSchema } from './generated/connector-manifest.ts';
import type { Issue, Validation } from './issue.ts';
import { compileIssue } from './json-schema-check.ts';
import { errorIssue, issueAt, problemIssue } from './located.ts';
import { CONNECTOR_SCHEMA_ID } from './schema-validator.ts';
import { readSource, type Source } from './source.ts';
import { RUNTIME_API_VERSION } from './version.ts';

/** A valid manifest with every stream's record schema resolved (files read). */
export interface LoadedManifest {
  file: string;
  dir: string;
  manifest: ConnectorManifest;
  schemas: Record<string, RecordSchema>;
}

export interface ManifestOptions {
  /** The runtime API version to check `runtime` against; defaults to this Ferry's. */
  runtimeVersion?: string;
}

/** Reads and validates a manifest file, reporting every problem at once. */
export async function validateManifestFile(
  file: string,
  options: ManifestOptions = {},
): Promise<Validation<LoadedManifest>> {
  const parsed = await readSource(file);
  if (!parsed.source) return { ok: false, issues: parsed.issues };
  return validateManifestSource(parsed.source, options);
}

export async function validateManifestSource(
  source: Source,
  options: ManifestOptions = {},
): Promise<Validation<LoadedManifest>> {
  const issues: Issue[] = checkAgainst(CONNECTOR_SCHEMA_ID, source.data).map((p) =>
    problemIssue(source, p),
  );
  const data = source.data as Partial<ConnectorManifest> | null;
  const dir = dirname(source.file);
  const schemas: Record<string, RecordSchema> = {};
  if (data && typeof data === 'object') {
    if (typeof data.runtime === 'string' && typeof data.name === 'string') {
      const error = runtimeIncompatibility(
        { name: data.name, runtime: data.runtime },
        {},
        options.runtimeVersion ?? RUNTIME_API_VERSION,
      );
      if (error) issues.push(errorIssue(source, error, ['runtime']));
    }
    if (isObject(data.config)) {
      const bad = compileIssue(data.config);
      if (bad)
        issues.push(
          issueAt(
            source,
            'FERRY_MANIFEST_BAD_SCHEMA',
            ['config'],
            `config is not a valid JSON Schema: ${bad}`,
          ),
        );
    }
    const streams = Array.isArray(data.streams) ? data.streams : [];
    const names = new Map<string, number>();
    streams.forEach((stream, i) => {
      if (!isObject(stream) || typeof stream.name !== 'string') return;
      const first = names.get(stream.name);
      if (first === undefined) names.set(stream.name, i);
      else
        issues.push(
          issueAt(
            source,
            'FERRY_MANIFEST_DUPLICATE_STREAM',
            ['streams', i, 'name'],
            `stream '${stream.name}' is already defined at $.streams[${first}]`,
          ),
        );
    });
    const streamNames = [...names.keys()];
    const unknownStream = (segments: (string | number)[], name: unknown) => {
      if (typeof name === 'string' && !names.has(name)) {
        issues.push(
          issueAt(
            source,
            'FERRY_MANIFEST_UNKNOWN_STREAM',
            segments,
            `no stream is named '${name}'`,
            `use one of: ${streamNames.join(', ')}`,
          ),
        );
      }
    };
    if (isObject(data.check)) unknownStream(['check', 'stream'], data.check.stream);
    if (isObject(data.check) && typeof data.check.handler === 'string')
      await handlerExists(data.check.handler, ['check', 'handler']);
    for (const [i, stream] of streams.entries()) {
      if (!isObject(stream)) continue;
      const read = stream.read as Record<string, unknown> | undefined;
      if (isObject(read) && isObject(read.partitions) && isObject(read.partitions.parent)) {
        unknownStream(
          ['streams', i, 'read', 'partitions', 'parent', 'stream'],
          read.partitions.parent.stream,
        );
      }
      if (
        isObject(read) &&
        isObject(read.pagination) &&
        read.pagination.restart !== undefined &&
        !(isObject(read.incremental) && read.incremental.sorted === true && stream.cursorField)
      ) {
        issues.push(
          issueAt(
            source,
            'FERRY_MANIFEST_RESTART_UNSORTED',
            ['streams', i, 'read', 'pagination', 'restart'],
            'a pagination restart needs a sorted incremental stream with a cursorField',
            'add `incremental: { sorted: true, ... }` and `cursorField` to the stream, or remove `restart`',
          ),
        );
      }
      for (const op of ['read', 'write'] as const) {
        const def = stream[op] as { handler?: unknown } | undefined;
        if (isObject(def) && typeof def.handler === 'string')
          await handlerExists(def.handler, ['streams', i, op, 'handler']);
      }
      const schema = await recordSchema(stream.schema, ['streams', i, 'schema']);
      if (isObject(stream.canonical))
        issues.push(...checkCanonical(source, i, stream.canonical, schema));
      if (!schema) continue;
      if (typeof stream.name === 'string') schemas[stream.name] = schema;
      const properties = isObject(schema.properties) ? schema.properties : {};
      const keys =
        stream.primaryKey === undefined
          ? []
          : Array.isArray(stream.primaryKey)
            ? stream.primaryKey
            : [stream.primaryKey];
      keys.forEach((key, k) => {
        const segments = Array.isArray(stream.primaryKey)
          ? ['streams', i, 'primaryKey', k]
          : ['streams', i, 'primaryKey'];
        if (typeof key === 'string') fieldExists(key, properties, segments, 'primaryKey');
      });
      if (typeof stream.cursorField === 'string')
        fieldExists(stream.cursorField, properties, ['streams', i, 'cursorField'], 'cursorField');
    }
  }
  const ok = issues.length === 0;
  return ok
    ? {
        ok,
        value: { file: source.file, dir, manifest: data as ConnectorManifest, schemas },
        issues,
      }
    : { ok, issues };

  function fieldExists(
    field: string,
    properties: Record<string, unknown>,
    segments: (string | number)[],
    what: string,
  ) {
    const top = field.split('.')[0] ?? field;
    if (!(top in properties)) {
      issues.push(
        issueAt(
          source,
          'FERRY_MANIFEST_UNKNOWN_FIELD',
          segments,
          `${what} '${field}' is not a property of the record schema`,
          `add '${top}' to the schema's properties, or use one of: ${Object.keys(properties).join(', ')}`,
        ),
      );
    }
  }

  async function handlerExists(ref: string, segments: (string | number)[]) {
    const file = ref.split('#')[0] ?? ref;
    const path = resolve(dir, file);
    if (await exists(path)) return;
    // An unbuilt ./dist/x.js is satisfied by its source ./src/x.ts (loaded through tsx).
    const tsSource = path.replace(/([/\\])dist([/\\])/, '$1src$2').replace(/\.(m?)js$/, '.$1ts');
    if (tsSource !== path && (await exists(tsSource))) return;
    const built = /(^|\/)dist\//.test(file);
    issues.push(
      issueAt(
        source,
        'FERRY_MANIFEST_FILE_MISSING',
        segments,
        `handler file ${file} does not exist (looked for ${path})`,
        built ? `build the package first (npm run build), or fix the path` : undefined,
      ),
    );
  }

  async function recordSchema(
    schema: unknown,
    segments: (string | number)[],
  ): Promise<RecordSchema | undefined> {
    if (isObject(schema)) {
      const bad = compileIssue(schema);
      if (bad) {
        issues.push(
          issueAt(
            source,
            'FERRY_MANIFEST_BAD_SCHEMA',
            segments,
            `record schema is not a valid JSON Schema: ${bad}`,
          ),
        );
        return undefined;
      }
      return schema as RecordSchema;
    }
    if (typeof schema !== 'string') return undefined;
    const path = resolve(dir, schema);
    if (!(await exists(path))) {
      issues.push(
        issueAt(
          source,
          'FERRY_MANIFEST_FILE_MISSING',
          segments,
          `schema file ${schema} does not exist (looked for ${path})`,
        ),
      );
      return undefined;
    }
    const parsed = await readSource(path);
    if (!parsed.source) {
      issues.push(...parsed.issues);
      return undefined;
    }
    const schemaProblems = checkAgainst(
      `${CONNECTOR_SCHEMA_ID}#/$defs/RecordSchema`,
      parsed.source.data,
    );
    if (schemaProblems.length > 0) {
      const fileSource = parsed.source;
      issues.push(...schemaProblems.map((p) => problemIssue(fileSource, p)));
      return undefined;
    }
    const bad = compileIssue(parsed.source.data);
    if (bad) {
      issues.push(
        issueAt(parsed.source, 'FERRY_MANIFEST_BAD_SCHEMA', [], `not a valid JSON Schema: ${bad}`),
      );
      return undefined;
    }
    return parsed.source.data as RecordSchema;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
