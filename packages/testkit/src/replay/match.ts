import { canonical } from '../conformance/records.ts';
import type { Cassette, Interaction } from '../contract.ts';
import { SCRUBBED } from './scrub.ts';

export type MatchKey = NonNullable<Cassette['match']>[number];

export const DEFAULT_MATCH: MatchKey[] = ['method', 'path', 'query', 'body'];

/** Headers that differ between runs on their own, never compared under `match: ['headers']`. */
const UNSTABLE_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'accept-encoding',
  'user-agent',
  'keep-alive',
]);

/** An incoming request with the replay server's origin already put back to the placeholder. */
export interface IncomingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function split(url: string): { path: string; query: URLSearchParams } {
  const mark = url.indexOf('?');
  return mark === -1
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, mark), query: new URLSearchParams(url.slice(mark + 1)) };
}

/** The names of the query parameters whose values differ (order of parameters ignored). */
function queryDifferences(a: URLSearchParams, b: URLSearchParams): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter(
    (name) => canonical(a.getAll(name).sort()) !== canonical(b.getAll(name).sort()),
  );
}

function sameBody(a: string | undefined, b: string | undefined): boolean {
  if ((a ?? '') === (b ?? '')) return true;
  try {
    return canonical(JSON.parse(a ?? '')) === canonical(JSON.parse(b ?? ''));
  } catch {
    return false;
  }
}

/**
 * How a request differs from a recorded one under the given match keys: an empty list means
 * it matches. Credential headers recorded with `***` must always carry the same scrubbed value
 * (the replay config's secrets are `***`), so a request with a wrong secret does not match.
 */
export function differences(
  recorded: Interaction['request'],
  incoming: IncomingRequest,
  match: readonly MatchKey[],
): string[] {
  const out: string[] = [];
  const want = split(recorded.url);
  const got = split(incoming.url);
  if (match.includes('method') && recorded.method.toUpperCase() !== incoming.method.toUpperCase())
    out.push(`method ${recorded.method}`);
  if (match.includes('path') && want.path !== got.path) out.push(`path ${want.path}`);
  if (match.includes('query')) {
    const names = queryDifferences(want.query, got.query);
    if (names.length > 0) out.push(`query ${names.join(', ')}`);
  }
  if (match.includes('body') && !sameBody(recorded.body, incoming.body)) out.push('body');
  for (const [name, value] of Object.entries(recorded.headers)) {
    const compared =
      value.includes(SCRUBBED) || (match.includes('headers') && !UNSTABLE_HEADERS.has(name));
    if (compared && incoming.headers[name] !== value) out.push(`header ${name}`);
  }
  return out;
}

/** The recorded request closest to an unmatched one (fewest differences), with what differs. */
export function closest(
  candidates: { interaction: Interaction; match: readonly MatchKey[] }[],
  incoming: IncomingRequest,
): { interaction: Interaction; differs: string[] } | undefined {
  let best: { interaction: Interaction; differs: string[]; score: number } | undefined;
  for (const { interaction, match } of candidates) {
    const differs = differences(interaction.request, incoming, match);
    const score =
      differs.length +
      (differs.some((d) => d.startsWith('path') || d.startsWith('method')) ? 10 : 0);
    if (!best || score < best.score) best = { interaction, differs, score };
  }
  return best && { interaction: best.interaction, differs: best.differs };
}
