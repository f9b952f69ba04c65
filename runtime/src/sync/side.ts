import { type Connector, compileTemplate } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { pipelineErrors } from '../pipeline/errors.ts';
import { syncErrors } from './errors.ts';

/** How a connector's stream maps onto a canonical entity (its manifest's `canonical` block). */
export interface CanonicalMapping {
  entity: string;
  toCanonical(record: JsonObject): Promise<JsonObject>;
  fromCanonical(entity: JsonObject): Promise<JsonObject>;
  /** The canonical field paths the stream maps, when the mapping can tell. */
  fields?: readonly string[];
}

/** One system of a two-way sync: a connection's stream, opened. */
export interface Side {
  /** The connection id: what ownership, lineage and the identity map call the system. */
  system: string;
  connector: Connector;
  config: JsonObject;
  stream: string;
  primaryKey: string[];
  cursorField: string | undefined;
  /** The stream field the system upserts on when Ferry creates a record there. */
  writeKey: string | undefined;
  mapping: CanonicalMapping;
  /** The state key of this side's change feed in the store. */
  stateKey: string;
  /** Only records for which this is true take part (twoWay.filter). */
  accepts(record: JsonObject): Promise<boolean>;
}

export interface SideInput {
  recipe: string;
  projectFile: string;
  end: 'source' | 'destination';
  system: string;
  connector: Connector;
  config: JsonObject;
  stream: string;
  entity: string;
  writeKey: string | undefined;
  filter: string | undefined;
}

/** Opens one side, checking that its stream maps onto the recipe's entity. */
export function openSide(input: SideInput): Side {
  const info = input.connector.discover().find((s) => s.name === input.stream);
  const where = {
    file: input.projectFile,
    path: `$.recipes[${JSON.stringify(input.recipe)}].${input.end}.stream`,
  };
  if (!info)
    throw pipelineErrors.create(
      'FERRY_RECIPE_NOT_FOUND',
      `recipe ${input.recipe}: ${input.connector.name} has no stream '${input.stream}'`,
      where,
    );
  const canonical = (
    input.connector as Connector & { canonical?: (stream: string) => CanonicalMapping | undefined }
  ).canonical?.(input.stream);
  if (!canonical || canonical.entity !== input.entity)
    throw syncErrors.create(
      'FERRY_SYNC_NOT_CANONICAL',
      `recipe ${input.recipe}: stream '${input.stream}' of ${input.connector.name} does not map onto ${input.entity}${canonical ? ` (it maps onto ${canonical.entity})` : ''}`,
      {
        ...where,
        hint: `Use a stream whose manifest has \`canonical: { entity: ${input.entity} }\`, or change twoWay.entity.`,
      },
    );
  return {
    system: input.system,
    connector: input.connector,
    config: input.config,
    stream: input.stream,
    primaryKey: info.primaryKey,
    cursorField: info.cursorField,
    writeKey: input.writeKey,
    mapping: canonical,
    stateKey: `${input.system}.${input.stream}`,
    accepts: filterOf(input),
  };
}

/** The record's external id: its primary key value(s) as text. */
export function externalIdOf(side: Side, record: JsonObject): string | undefined {
  const values = side.primaryKey.map((k) => record[k]);
  if (values.some((v) => v === undefined || v === null || v === '')) return undefined;
  return values.length === 1 ? String(values[0]) : JSON.stringify(values);
}

/** A system's modification time as ISO 8601 UTC ("2024-01-01 10:00:00" is Odoo's UTC form). */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value !== 'string' || value === '') return undefined;
  const text = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function filterOf(input: SideInput): (record: JsonObject) => Promise<boolean> {
  if (input.filter === undefined) return async () => true;
  const template = compileTemplate(input.filter, {
    file: input.projectFile,
    path: `$.recipes[${JSON.stringify(input.recipe)}].twoWay.filter.${input.system}`,
  });
  return async (record) => Boolean(await template.render({ record }));
}
