import { canonicalLeafFields, isCanonicalEntity, jsonPath, type Stream } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import { type SourceRef, splitPath } from '../expression/expression.ts';
import { compileTemplate, type Template } from '../expression/template.ts';

/**
 * A stream's `canonical` block, compiled: converts its records to the canonical entity and
 * back. Values that come out undefined are left out (no empty parent objects either); null is
 * kept, since it says the field is known to be empty. Inputs are never modified.
 */
export interface CompiledCanonical {
  /** The canonical entity: Customer, Contact, Product, SalesOrder or Invoice. */
  readonly entity: string;
  /**
   * The canonical leaf paths the stream maps, read or written (`billingAddress.city`, never
   * `billingAddress`); undefined when a `write` template uses `entity` in a way that cannot
   * be traced to fields.
   */
  readonly fields: readonly string[] | undefined;
  /** A stream record -> the canonical record: `fields`, then `read` templates over `record`. */
  toCanonical(record: JsonObject): Promise<JsonObject>;
  /** A canonical record -> a stream record: `fields` reversed, then `write` templates over `entity`. */
  fromCanonical(entity: JsonObject): Promise<JsonObject>;
}

type Keys = readonly string[];

/**
 * Compiles a stream's canonical mapping, or returns undefined when the stream declares none.
 * `where` locates the stream (`{ file, path: '$.streams[2]' }`); a template that does not parse
 * throws FERRY_EXPRESSION_SYNTAX at its own path (`$.streams[2].canonical.read.name`).
 */
export function compileCanonical(stream: Stream, where: SourceRef): CompiledCanonical | undefined {
  const canonical = stream.canonical;
  if (!canonical) return undefined;
  const at = (section: string, key: string) => ({
    ...where,
    path: `${where.path ?? '$'}.canonical.${section}${jsonPath([key]).slice(1)}`,
  });
  const plain = Object.entries(canonical.fields ?? {}).map(
    ([path, field]) => [splitPath(path), splitPath(field)] as const,
  );
  const reads = Object.entries(canonical.read ?? {}).map(
    ([path, source]) => [splitPath(path), compileTemplate(source, at('read', path))] as const,
  );
  const writes = Object.entries(canonical.write ?? {}).map(
    ([field, source]) => [splitPath(field), compileTemplate(source, at('write', field))] as const,
  );
  return {
    entity: canonical.entity,
    fields: mappedFields(
      canonical.entity,
      [...Object.keys(canonical.fields ?? {}), ...Object.keys(canonical.read ?? {})],
      writes.map(([, template]) => template),
    ),
    async toCanonical(record) {
      const out = new Builder();
      for (const [to, from] of plain) out.set(to, getPath(record, from));
      for (const [to, template] of reads) out.set(to, await template.render({ record }));
      return out.value;
    },
    async fromCanonical(entity) {
      const out = new Builder();
      for (const [from, to] of plain) out.set(to, getPath(entity, from));
      for (const [to, template] of writes) out.set(to, await template.render({ entity }));
      return out.value;
    },
  };
}

/** Builds a record by paths, copying (never modifying) any object it was given as a value. */
class Builder {
  readonly value: JsonObject = {};
  readonly #own = new WeakSet<object>([this.value]);

  set(keys: Keys, value: unknown): void {
    if (value === undefined) return;
    let node = this.value as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        node = node[key] = this.#owned({});
      } else if (!this.#own.has(next)) {
        node = node[key] = this.#owned({ ...next });
      } else node = next as Record<string, unknown>;
    }
    node[keys[keys.length - 1] as string] = value;
  }

  #owned(object: Record<string, unknown>): Record<string, unknown> {
    this.#own.add(object);
    return object;
  }
}

function getPath(value: unknown, keys: Keys): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const ENTITY_PATH = /\bentity((?:\.[A-Za-z_$][A-Za-z0-9_$]*)*)/g;

/** The canonical leaves named by paths and by `entity.x.y` in write templates, objects expanded. */
function mappedFields(entity: string, paths: string[], writes: Template[]): string[] | undefined {
  if (!isCanonicalEntity(entity)) return undefined;
  const named = [...paths];
  for (const template of writes) {
    for (const match of template.source.matchAll(ENTITY_PATH)) {
      // A bare `entity` (passed whole to a function) could read any field.
      if (!match[1]) return undefined;
      named.push(match[1].slice(1));
    }
  }
  const leaves = canonicalLeafFields(entity);
  return leaves.filter((leaf) =>
    named.some(
      (path) => leaf === path || leaf.startsWith(`${path}.`) || path.startsWith(`${leaf}.`),
    ),
  );
}
