/**
 * GET /services/data/vXX.X/query?q=SOQL and GET .../query/<locator>-<offset>: results in batches
 * of `Sforce-Query-Options: batchSize=N` (default 2,000, min 200, max 2,000, and "no guarantee
 * that the requested batch size is the actual batch size"), `done` and a relative
 * `nextRecordsUrl` while more remain, `totalSize` of all matches, `attributes { type, url }` on
 * every record. A query's results are a snapshot taken when it runs, as a Salesforce query
 * cursor is.
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.html
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query-more-results.html
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';
import { errorReply, SalesforceFault } from './errors.ts';
import { salesforceId } from './ids.ts';
import { bindQuery } from './soql/bind.ts';
import { runQuery } from './soql/evaluate.ts';
import { parseSoql } from './soql/parser.ts';
import type { RecordStore } from './store.ts';

/** Batch sizes; the sandbox may allow smaller ones than Salesforce (200) to keep tests small. */
export interface BatchSizes {
  min: number;
  max: number;
  default: number;
}

interface Cursor {
  rows: Record<string, unknown>[];
  batch: number;
}

export function queryHandlers(store: RecordStore, sizes: BatchSizes) {
  const cursors = new Map<string, Cursor>();

  const page = (version: string, locator: string, cursor: Cursor, offset: number): Reply => {
    const end = offset + cursor.batch;
    const done = end >= cursor.rows.length;
    if (done) cursors.delete(locator);
    return {
      status: 200,
      json: {
        totalSize: cursor.rows.length,
        done,
        ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${end}` }),
        records: cursor.rows.slice(offset, end),
      },
    };
  };

  return {
    query(ctx: SandboxContext): Reply {
      const version = ctx.params.version as string;
      const q = ctx.query.get('q');
      if (q === null || q.trim() === '')
        return errorReply(400, 'MALFORMED_QUERY', 'A query string has to be specified');
      let rows: Record<string, unknown>[];
      try {
        const bound = bindQuery(q, parseSoql(q));
        rows = runQuery(bound, store.list(bound.object)).map((record) => {
          const row: Record<string, unknown> = {
            attributes: {
              type: bound.object.name,
              url: `/services/data/${version}/sobjects/${bound.object.name}/${record.Id}`,
            },
          };
          for (const field of bound.fields) row[field.name] = record[field.name] ?? null;
          return row;
        });
      } catch (error) {
        if (error instanceof SalesforceFault) return error.reply();
        throw error;
      }
      const locator = salesforceId('01g', ctx.index);
      const cursor = { rows, batch: batchSize(ctx.headers['sforce-query-options'], sizes) };
      cursors.set(locator, cursor);
      return page(version, locator, cursor, 0);
    },

    more(ctx: SandboxContext): Reply {
      const match = /^(.+)-(\d+)$/.exec(ctx.params.locator as string);
      const cursor = match && cursors.get(match[1] as string);
      if (!match || !cursor)
        return errorReply(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return page(ctx.params.version as string, match[1] as string, cursor, Number(match[2]));
    },
  };
}

/** The batch size a request asks for, brought within the allowed range. */
export function batchSize(header: string | string[] | undefined, sizes: BatchSizes): number {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const asked = /batchSize\s*=\s*(\d+)/i.exec(text)?.[1];
  return Math.min(
    sizes.max,
    Math.max(sizes.min, asked === undefined ? sizes.default : Number(asked)),
  );
}
