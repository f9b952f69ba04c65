import { join } from 'node:path';
import {
  type Connector,
  openConnector,
  type StreamInfo,
  type UseOptions,
} from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { readStream } from '../conformance/read-stream.ts';
import { secretFields } from '../conformance/spec-checks.ts';
import type { Cassette, Golden } from '../contract.ts';
import { baseUrlKey, recordedOrigin, requireOrigin } from './base-url.ts';
import { fixturesLayout, writeJson } from './fixtures.ts';
import { followUpReads } from './follow-up.ts';
import { captureExchange, type RawExchange, toInteraction } from './interaction.ts';
import { derivedSecrets, SCRUBBED, Scrubber } from './scrub.ts';

export interface RecordOptions {
  /** The connector package folder or manifest file. */
  connector: string;
  /** A working config against the live (or local) API. */
  config: JsonObject;
  /** Streams to record (default: every readable stream). */
  streams?: string[];
  /** The fixtures folder to write. */
  fixtures: string;
  /** The config field holding the base URL (default: baseUrl, url, instanceUrl, apiUrl, base_url). */
  baseUrlKey?: string;
}

export interface RecordResult {
  streams: { stream: string; interactions: number; records: number }[];
}

interface Take {
  stream: string;
  exchanges: RawExchange[];
  golden: Golden;
}

/**
 * Reads each stream against the live API, keeping every HTTP exchange, and writes the fixtures:
 * `cassettes/<stream>.json`, `golden/<stream>.json` and `config.json`, all scrubbed. A cassette
 * also holds the exchanges of the follow-up reads the conformance suite makes (from the last
 * state, from a future state), and the first one those of `check`, so the suite can run offline.
 */
export async function record(options: RecordOptions): Promise<RecordResult> {
  const connector = await openConnector(options.connector);
  const spec = connector.spec();
  const streams = connector.discover();
  const names = options.streams ?? streams.filter((s) => s.syncModes.length > 0).map((s) => s.name);
  const takes: Take[] = [];
  for (const name of names)
    takes.push(
      await recordStream(
        connector,
        options.config,
        name,
        streams.find((s) => s.name === name),
      ),
    );
  if (takes[0]) await connector.check(options.config, capturing(takes[0].exchanges));

  const origin = recordedOrigin(spec, options.config, options.baseUrlKey);
  const exchanges = takes.flatMap((take) => take.exchanges);
  if (exchanges.length > 0) requireOrigin(spec, origin);
  const secrets = secretFields(spec)
    .map((field) => options.config[field])
    .filter((value): value is string => typeof value === 'string');
  const scrubber = new Scrubber([...secrets, ...derivedSecrets(exchanges)], origin);

  // Every cassette is made before any file is written, so a refused recording writes nothing.
  const cassettes = takes.map(
    (take): Cassette => ({
      version: 1,
      recordedWith: { connector: connector.name, version: connector.version },
      interactions: take.exchanges.map((raw) => toInteraction(raw, scrubber, connector.name)),
    }),
  );
  const layout = fixturesLayout(options.fixtures);
  for (const [index, take] of takes.entries()) {
    await writeJson(join(layout.cassettes, `${take.stream}.json`), cassettes[index]);
    await writeJson(join(layout.golden, `${take.stream}.json`), scrubber.json(take.golden));
  }
  await writeJson(layout.config, scrubbedConfig(connector, options, scrubber));
  return {
    streams: takes.map((take) => ({
      stream: take.stream,
      interactions: take.exchanges.length,
      records: take.golden.records.length,
    })),
  };
}

function capturing(exchanges: RawExchange[]): UseOptions {
  return { onExchange: (request, response) => exchanges.push(captureExchange(request, response)) };
}

async function recordStream(
  connector: Connector,
  config: JsonObject,
  stream: string,
  info: StreamInfo | undefined,
): Promise<Take> {
  const exchanges: RawExchange[] = [];
  const use = capturing(exchanges);
  const full = await readStream(connector, config, stream, use);
  if (full.error) throw full.cause;
  if (info) await followUpReads(connector, config, info, full, use);
  return { stream, exchanges, golden: { records: full.records, state: full.state } };
}

/** The config with secret fields as `***` and the base URL's origin as the placeholder. */
function scrubbedConfig(connector: Connector, options: RecordOptions, scrubber: Scrubber) {
  const spec = connector.spec();
  const config: JsonObject = { ...options.config };
  for (const field of secretFields(spec)) if (field in config) config[field] = SCRUBBED;
  const key = baseUrlKey(spec, options.baseUrlKey);
  const fallback = key ? spec.config.properties?.[key]?.default : undefined;
  if (key && config[key] === undefined && typeof fallback === 'string') config[key] = fallback;
  return scrubber.json(config);
}
