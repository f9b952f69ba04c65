import type { Connector, StreamInfo, UseOptions } from '@ferry/declarative';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS, failed, notApplicable, passed } from './checks.ts';
import { readStream } from './read-stream.ts';
import { canonical, keyOf } from './records.ts';

const check = CHECKS.writes;

interface WriteCheckInput {
  connector: Connector;
  stream: StreamInfo;
  config: JsonObject;
  use: UseOptions;
  samples: JsonObject[] | undefined;
  readBack: ((stream: string) => Promise<JsonObject[]>) | undefined;
}

/**
 * Writing the samples twice leaves the destination as writing them once: the same records
 * read back, each sample's key present, and no key twice.
 */
export async function checkWrites(input: WriteCheckInput): Promise<CheckOutcome> {
  const { connector, stream, config, use, samples } = input;
  const name = stream.name;
  if (!samples || samples.length === 0)
    return notApplicable(check, `stream '${name}': no writeSamples for it`, name);
  const readBack =
    input.readBack ??
    (stream.syncModes.length > 0
      ? async (s: string) => {
          const read = await readStream(connector, config, s, use);
          if (read.error) throw new Error(`reading it back failed: ${read.error}`);
          return read.records;
        }
      : undefined);
  if (!readBack)
    return notApplicable(check, `stream '${name}' cannot be read back: give readBack`, name);
  const keys = (records: JsonObject[]) => records.map((r) => keyOf(r, stream.primaryKey));
  try {
    await writeSamples(connector, config, name, samples, use, stream.primaryKey);
    const once = keys(await readBack(name));
    await writeSamples(connector, config, name, samples, use, stream.primaryKey);
    const twice = keys(await readBack(name));
    const counts = new Map<string, number>();
    for (const key of twice) counts.set(key, (counts.get(key) ?? 0) + 1);
    const duplicated = [...counts].filter(([, n]) => n > 1);
    if (duplicated.length > 0) {
      const [key, n] = duplicated[0] as [string, number];
      return failed(
        check,
        `stream '${name}': after writing ${samples.length} sample(s) twice, key ${key} appears ${n} times when read back (${duplicated.length} duplicated key(s)): writes are not upserts by the primary key`,
        name,
      );
    }
    const missing = keys(samples).filter((key) => !counts.has(key));
    if (missing.length > 0)
      return failed(
        check,
        `stream '${name}': sample key ${missing[0]} was written but is not read back`,
        name,
      );
    if (canonical([...once].sort()) !== canonical([...twice].sort()))
      return failed(
        check,
        `stream '${name}': writing the samples a second time changed the records read back from ${once.length} to ${twice.length}`,
        name,
      );
  } catch (error) {
    return failed(check, `stream '${name}': ${(error as Error).message}`, name);
  }
  return passed(check, name);
}

async function writeSamples(
  connector: Connector,
  config: JsonObject,
  stream: string,
  samples: JsonObject[],
  use: UseOptions,
  primaryKey: string[],
): Promise<void> {
  const rejected: WriteResult[] = [];
  try {
    for await (const results of connector.write(config, stream, [samples], use))
      rejected.push(...results.filter((r) => r.status === 'rejected'));
  } catch (error) {
    const coded = error as { code?: string; message?: string };
    throw new Error(`the write failed: ${coded.code ? `${coded.code}: ` : ''}${coded.message}`);
  }
  const first = rejected[0];
  if (first) {
    const sample = samples[first.index] ?? {};
    throw new Error(
      `sample #${first.index} (key ${keyOf(sample, primaryKey)}) was rejected: ${first.reason ?? 'no reason given'}`,
    );
  }
}
