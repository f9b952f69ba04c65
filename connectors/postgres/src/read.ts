import { defineConnector, type JsonObject } from '@ferry/sdk';
import { type Config, type ReadSettings, readSettings } from './config.ts';
import { queryFailed, stateInvalid } from './errors.ts';
import { withClient } from './pool.ts';
import { nullCursorQuery, orderColumns, pageQuery } from './read-query.ts';

/**
 * The state of an incremental read, the engine's form: the highest cursor value read and the
 * keys (JSON arrays of the key values) of the rows at exactly that value; `column` names the
 * cursor column it belongs to, so a state is never applied to another column.
 */
export interface State {
  column?: string;
  cursor?: string | number;
  keys?: string[];
}

const connector = defineConnector<Config>();

const keyOf = (row: JsonObject, key: string[]) => JSON.stringify(key.map((k) => row[k] ?? null));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the configured table or query in pages of `pageSize` rows, ordered by (cursorColumn,
 * key). With a cursor column, a read starts at the saved cursor inclusive and skips the keys
 * already read at that value, so rows that share the boundary value are neither lost nor read
 * twice; a STATE follows every page. Without one, every read is a full read and has no state.
 */
export const readRows = connector.read<State>(async function* (ctx) {
  const settings = readSettings(ctx.config);
  const start = startingState(settings, ctx.state);
  const seenAtStart = new Set(start?.keys ?? []);
  let cursor = start?.cursor;
  let keysAtCursor = [...seenAtStart];
  let after: unknown[] | undefined;
  let count = 0;
  for (;;) {
    const page = pageQuery(settings, { from: start?.cursor, ...(after ? { after } : {}) });
    const rows = await query(ctx.config, page, `reading ${settings.label}`);
    for (const row of rows) {
      const key = keyOf(row, settings.key);
      if (!settings.cursor) {
        count++;
        yield { record: row };
        continue;
      }
      const value = row[settings.cursor] as string | number;
      if (start && same(value, start.cursor) && seenAtStart.has(key)) continue;
      count++;
      yield { record: row };
      if (same(value, cursor)) keysAtCursor.push(key);
      else {
        cursor = value;
        keysAtCursor = [key];
      }
    }
    if (settings.cursor && cursor !== undefined)
      // a copy: the list keeps growing while the engine holds this state
      yield { state: { column: settings.cursor, cursor, keys: [...keysAtCursor] } };
    const last = rows.at(-1);
    if (!last || rows.length < settings.pageSize) break;
    after = orderColumns(settings).map((name) => last[name]);
  }
  ctx.logger.info(`read ${count} rows from ${settings.label}`);
  if (settings.cursor && !start) {
    const [nulls] = await query(
      ctx.config,
      { text: nullCursorQuery(settings), values: [] },
      'counting rows without a cursor value',
    );
    if (nulls && Number(nulls.n) > 0)
      ctx.logger.warn(
        `${nulls.n} rows of ${settings.label} have no ${settings.cursor} (NULL) and are not read incrementally`,
      );
  }
});

/** The state a read starts from, checked; undefined for a read from the beginning. */
function startingState(settings: ReadSettings, state: State | undefined): State | undefined {
  if (!settings.cursor || !state || state.cursor === undefined || state.cursor === null)
    return undefined;
  if (state.column !== undefined && state.column !== settings.cursor)
    throw stateInvalid(
      `the state was saved for cursor column '${state.column}', but cursorColumn is '${settings.cursor}'`,
      'Read in full mode (no state) once after changing cursorColumn.',
    );
  if (
    (typeof state.cursor !== 'string' && typeof state.cursor !== 'number') ||
    (state.keys !== undefined &&
      (!Array.isArray(state.keys) || state.keys.some((k) => typeof k !== 'string')))
  )
    throw stateInvalid(
      `the state ${JSON.stringify(state).slice(0, 200)} is not { cursor, keys } with a text or number cursor and a list of keys`,
      'Pass the STATE a previous read printed, or read in full mode to start over.',
    );
  return state;
}

async function query(
  config: Config,
  statement: { text: string; values: unknown[] },
  doing: string,
): Promise<JsonObject[]> {
  try {
    return await withClient(
      config,
      async (client) => (await client.query(statement.text, statement.values)).rows,
    );
  } catch (error) {
    throw queryFailed(doing, error);
  }
}
