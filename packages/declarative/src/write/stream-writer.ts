import type { DeclarativeWrite, Stream } from '@ferry/manifest';
import { FerryError } from '@ferry/manifest';
import type { HttpClient, JsonObject, WriteResult } from '@ferry/sdk';
import { compileTemplate, type Template } from '../expression/template.ts';
import { compileExtractor } from '../read/extract.ts';
import { compileRequest } from '../read/request.ts';

export interface StreamWriteInput {
  file: string;
  path: string;
  stream: Stream;
  write: DeclarativeWrite;
}

/**
 * A compiled declarative write. Each call sends one batch (at most `batchSize` records, one
 * request) and maps the response to one result per record: accepted, or rejected with the
 * reason the API gave. A batch the API refuses outright (a 4xx other than 401/403) rejects its
 * records with that reason; an abort rule, an auth failure and errors that retries could not
 * overcome are thrown, because they concern every batch (and the batch may be retried).
 */
export function compileStreamWrite({ file, path, stream, write }: StreamWriteInput) {
  const where = (sub: string) => ({ file, path: `${path}.write.${sub}` });
  const request = compileRequest(write.request, where('request'));
  const results = write.results;
  const extract =
    results?.path !== undefined ? compileExtractor(results.path, where('results.path')) : undefined;
  const t = (value: string | undefined, sub: string): Template | undefined =>
    value ? compileTemplate(value, where(`results.${sub}`)) : undefined;
  const accepted = t(results?.accepted, 'accepted');
  const reason = t(results?.reason, 'reason');
  const id = t(results?.id, 'id');
  const key = t(results?.key, 'key');
  const rejected = results?.rejected;
  const rejectedItems = rejected
    ? compileExtractor(rejected.path, where('results.rejected.path'))
    : undefined;
  const rejectedKey = t(rejected?.key, 'rejected.key');
  const rejectedReason = t(rejected?.reason, 'rejected.reason');
  const primaryKey = Array.isArray(stream.primaryKey) ? stream.primaryKey : [stream.primaryKey];
  const keyOf = (record: JsonObject) => JSON.stringify(primaryKey.map((k) => record[k]));

  return {
    batchSize: write.batchSize ?? 100,
    async send(
      run: { http: HttpClient; config: JsonObject },
      records: JsonObject[],
    ): Promise<WriteResult[]> {
      // Idempotent upserts: one request per key per batch, the last version of a record wins.
      const last = new Map<string, number>();
      records.forEach((r, i) => {
        last.set(keyOf(r), i);
      });
      const unique = [...last.values()].sort((a, b) => a - b);
      const batch = unique.map((i) => records[i] as JsonObject);
      const context = { config: run.config, records: batch, stream: stream.name };
      let response: Awaited<ReturnType<HttpClient['request']>>;
      try {
        response = await run.http.request(await request.render(context));
      } catch (error) {
        // A batch the API refuses for its content (a 4xx) rejects its records; an abort rule
        // (Salesforce's exhausted API limit), an auth or permission refusal fails the run,
        // since every later batch would meet it too.
        const status = error instanceof FerryError ? error.details?.status : undefined;
        if (
          error instanceof FerryError &&
          error.code === 'FERRY_HTTP_STATUS' &&
          error.details?.abort !== true &&
          typeof status === 'number' &&
          status >= 400 &&
          status < 500 &&
          status !== 401 &&
          status !== 403
        ) {
          return records.map((_, index) => ({ index, status: 'rejected', reason: error.message }));
        }
        throw error;
      }
      const byUnique = await mapResults(batch, response);
      const outcome = new Map(unique.map((original, u) => [original, byUnique[u] as WriteResult]));
      return records.map((record, index) => ({
        ...(outcome.get(last.get(keyOf(record)) as number) as WriteResult),
        index,
      }));
    },
  };

  async function mapResults(
    batch: JsonObject[],
    response: Awaited<ReturnType<HttpClient['request']>>,
  ): Promise<WriteResult[]> {
    if (!extract && !rejectedItems) return batch.map((_, index) => ({ index, status: 'accepted' }));
    const body = response.text === '' ? undefined : response.json();
    const items = extract ? extract(body) : [];
    const refused = await rejections(body);
    const byKey = key ? new Map<string, JsonObject>() : undefined;
    if (key && byKey)
      for (const item of items)
        byKey.set(
          JSON.stringify([await key.render({ result: item, response: body })].flat()),
          item,
        );
    const out: WriteResult[] = [];
    for (const [index, record] of batch.entries()) {
      const refusal = refused.get(keyOf(record));
      if (refusal !== undefined) {
        out.push({ index, status: 'rejected', reason: refusal });
        continue;
      }
      if (!extract) {
        out.push({ index, status: 'accepted' });
        continue;
      }
      const result = byKey ? byKey.get(keyOf(record)) : items[index];
      if (!result) {
        out.push({
          index,
          status: 'rejected',
          reason: 'the API returned no result for this record',
        });
        continue;
      }
      const ctx = { result, record, response: body };
      const ok = accepted ? Boolean(await accepted.render(ctx)) : true;
      const given = id ? await id.render(ctx) : undefined;
      const why = ok ? undefined : reason ? await reason.render(ctx) : undefined;
      out.push({
        index,
        status: ok ? 'accepted' : 'rejected',
        ...(why === undefined
          ? {}
          : { reason: typeof why === 'string' ? why : JSON.stringify(why) }),
        ...(given === undefined || given === null ? {} : { id: String(given) }),
      });
    }
    return out;
  }

  /**
   * Rejections an API lists apart from its results (HubSpot's `errors[]`), by record key: the
   * key expression gives one key value or a list of them (a list of lists for composite keys).
   */
  async function rejections(body: unknown): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!rejectedItems || !rejectedKey) return out;
    for (const item of rejectedItems(body)) {
      const ctx = { result: item, response: body };
      const keys = await rejectedKey.render(ctx);
      const why = rejectedReason ? await rejectedReason.render(ctx) : undefined;
      const text =
        why === undefined || why === null
          ? 'the API rejected this record'
          : typeof why === 'string'
            ? why
            : JSON.stringify(why);
      for (const value of Array.isArray(keys) ? keys : [keys])
        if (value !== undefined && value !== null)
          out.set(JSON.stringify(Array.isArray(value) ? value : [value]), text);
    }
    return out;
  }
}
