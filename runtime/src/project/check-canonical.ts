import type { Connector, StreamInfo } from '@ferry/declarative';
import {
  type CanonicalEntity,
  canonicalFields,
  type Issue,
  isCanonicalEntity,
  isFerryError,
  type Recipe,
  type Source,
} from '@ferry/manifest';
import { at } from './issue-at.ts';

/** What the canonical check found: its issues, and the entity when the recipe goes through one. */
export interface CanonicalRecipe {
  issues: Issue[];
  /** Set when both streams map onto this entity: the recipe's mapping then only overrides. */
  entity?: CanonicalEntity;
}

/**
 * The canonical side of a recipe check. Streams of one canonical entity need no mapping, and
 * their canonical templates must compile (they are compiled here, as a run would). A recipe
 * without a mapping is an error when its records cannot fit: the streams map onto different
 * entities, or only one maps onto an entity and the record schemas differ (the destination
 * requires fields the source lacks, or they have no field in common). Recipes where neither
 * stream declares an entity are left as they were: copied as they are.
 */
export function checkCanonicalRecipe(
  source: Source,
  id: string,
  recipe: Recipe,
  connectors: Map<string, Connector>,
  from: StreamInfo | undefined,
  to: StreamInfo | undefined,
): CanonicalRecipe {
  const issues: Issue[] = [];
  if (!from || !to) return { issues };
  const hasMapping = Object.keys(recipe.mapping ?? {}).length > 0;
  if (from.canonical && from.canonical === to.canonical && isCanonicalEntity(from.canonical)) {
    compiles('source', recipe.source, from);
    compiles('destination', recipe.destination, to);
    return { issues, entity: from.canonical };
  }
  if (hasMapping || (!from.canonical && !to.canonical)) return { issues };
  const why =
    from.canonical && to.canonical
      ? `its streams map onto different canonical entities (source '${from.name}' onto ${from.canonical}, destination '${to.name}' onto ${to.canonical})`
      : shapeGap(from, to);
  if (why) {
    const entity = (from.canonical ?? to.canonical) as string;
    const plain = from.canonical ? `destination '${to.name}'` : `source '${from.name}'`;
    issues.push(
      at(
        source,
        'FERRY_RECIPE_MAPPING_REQUIRED',
        ['recipes', id],
        `recipe '${id}' has no mapping, but ${why}`,
        from.canonical && to.canonical
          ? `add a \`mapping\` (destination field -> expression over the source record), or use streams that map onto the same entity`
          : `add a \`mapping\` (destination field -> expression over the source record), or a \`canonical: { entity: ${entity} }\` block to the ${plain} stream's connector`,
        true,
      ),
    );
  }
  return { issues };

  function compiles(end: 'source' | 'destination', endpoint: Recipe['source'], stream: StreamInfo) {
    const connector = connectors.get(endpoint.connection);
    try {
      connector?.canonical(stream.name);
    } catch (error) {
      if (!isFerryError(error)) throw error;
      issues.push(
        at(
          source,
          error.code,
          ['recipes', id, end, 'stream'],
          `the canonical mapping of stream '${stream.name}' (${connector?.name}) does not compile: ${error.message} (${error.file ?? connector?.file} ${error.path ?? ''})`.trim(),
          error.hint,
        ),
      );
    }
  }
}

/** Why records copied as they are would not fit the destination, or undefined when they may. */
function shapeGap(from: StreamInfo, to: StreamInfo): string | undefined {
  const have = properties(from.schema);
  const want = properties(to.schema);
  if (!have || !want) return undefined;
  const required = Array.isArray(to.schema.required) ? (to.schema.required as string[]) : [];
  const missing = required.filter((field) => !have.includes(field));
  if (missing.length > 0)
    return `the destination requires ${missing.map((f) => `'${f}'`).join(', ')}, which source '${from.name}' does not have`;
  if (!want.some((field) => have.includes(field)))
    return `the records of '${from.name}' and '${to.name}' have no field in common`;
  return undefined;
}

function properties(schema: StreamInfo['schema']): string[] | undefined {
  const listed = schema.properties as Record<string, unknown> | undefined;
  return listed && Object.keys(listed).length > 0 ? Object.keys(listed) : undefined;
}

/**
 * For a recipe through a canonical entity: why a plain-path override reads nothing, or
 * undefined when it may read something. `record.x` reads the source record, `entity.x.y` the
 * canonical one, anything else the source record's top-level fields.
 */
export function canonicalReadProblem(
  entity: CanonicalEntity,
  keys: string[],
  sourceHas: (field: string) => boolean,
  sourceName: string,
): string | undefined {
  const [head, ...rest] = keys;
  if (head === 'entity' && rest.length > 0) {
    const path = rest.join('.');
    const known = canonicalFields(entity);
    // A path below a leaf (`lines.sku`, through a list) cannot be checked: accept it.
    const leaf = (f: string) => !known.some((g) => g.startsWith(`${f}.`));
    if (known.some((f) => f === path || (path.startsWith(`${f}.`) && leaf(f)))) return undefined;
    return `'entity.${path}', which is not a field of the canonical ${entity}`;
  }
  const field = head === 'record' ? rest[0] : head;
  if (field === undefined || sourceHas(field)) return undefined;
  return `'${head === 'record' ? `record.${field}` : field}', which is not a field of source stream '${sourceName}'`;
}
