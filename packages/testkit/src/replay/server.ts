import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cassette, Interaction } from '../contract.ts';
import { ORIGIN_PLACEHOLDER, replaceInStrings } from './fixtures.ts';
import {
  closest,
  DEFAULT_MATCH,
  differences,
  type IncomingRequest,
  type MatchKey,
} from './match.ts';
import { formEncoded } from './scrub.ts';

/** A running replay server. */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`: the one host a replayed connector may reach (`allowHosts`). */
  host: string;
  /** The requests no interaction matched, each with the closest recorded one. */
  unmatched: string[];
  close(): Promise<void>;
}

interface Entry {
  interaction: Interaction;
  match: readonly MatchKey[];
  used: boolean;
}

/**
 * A local server answering recorded requests. A request is answered by the first unused
 * interaction it matches, in recorded order; once all the matching ones are used, by the last
 * of them. An unmatched request is answered 599 with a body naming it and the closest
 * recorded request (and `retry-after: 0`, so a connector that retries 5xx fails fast).
 */
export async function replayServer(cassettes: Cassette[]): Promise<ReplayServer> {
  const entries: Entry[] = cassettes.flatMap((cassette) =>
    cassette.interactions.map((interaction) => ({
      interaction,
      match: cassette.match ?? DEFAULT_MATCH,
      used: false,
    })),
  );
  const unmatched: string[] = [];
  let origin = '';
  const server = createServer(async (req, res) => {
    const incoming = await readRequest(req, origin);
    const matching = entries.filter(
      (entry) => differences(entry.interaction.request, incoming, entry.match).length === 0,
    );
    const entry = matching.find((e) => !e.used) ?? matching.at(-1);
    if (!entry) {
      const line = describeUnmatched(entries, incoming);
      unmatched.push(line);
      res.writeHead(599, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '0' });
      res.end(line);
      return;
    }
    entry.used = true;
    answer(res, entry.interaction.response, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url: origin,
    host: `127.0.0.1:${port}`,
    unmatched,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      return closed;
    },
  };
}

async function readRequest(req: IncomingMessage, origin: string): Promise<IncomingRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  // the origin also arrives URL- or form-encoded inside bodies and query strings (an OAuth
  // scope such as `<url>/.default`)
  let request: IncomingRequest = {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    ...(body === '' ? {} : { body }),
  };
  for (const encode of [(v: string) => v, encodeURIComponent, formEncoded])
    request = replaceInStrings(request, encode(origin), encode(ORIGIN_PLACEHOLDER));
  return request;
}

function answer(res: ServerResponse, recorded: Interaction['response'], origin: string): void {
  const response = replaceInStrings(recorded, ORIGIN_PLACEHOLDER, origin);
  const body = response.json !== undefined ? JSON.stringify(response.json) : (response.body ?? '');
  const headers = { ...response.headers };
  if (response.json !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/json';
  res.writeHead(response.status, headers);
  res.end(body);
}

function describeUnmatched(entries: Entry[], incoming: IncomingRequest): string {
  const asked = `${incoming.method} ${incoming.url}`;
  const near = closest(entries, incoming);
  if (!near) return `ferry replay: no recorded answer for ${asked}: the cassettes are empty`;
  const { request } = near.interaction;
  return `ferry replay: no recorded answer for ${asked}; closest recorded: ${request.method} ${request.url} (differs in ${near.differs.join('; ')})`;
}
