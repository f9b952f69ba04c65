import { type Connector, openConnector, type UseOptions } from '@ferry/declarative';
import type { CheckOutcome, ConformanceOptions } from '../contract.ts';
import { CHECK_ORDER, CHECKS, inCheckOrder, notApplicable } from './checks.ts';
import { checkConnection } from './connection-checks.ts';
import { checkSchema } from './schema-checks.ts';
import { checkManifest, checkSpec } from './spec-checks.ts';
import { checkStreamReads } from './stream-checks.ts';
import { checkWrites } from './write-check.ts';

/**
 * Runs every conformance check of DESIGN section 7 against a connector and returns one outcome
 * per check (per stream for the stream checks), in check order. A failing check does not
 * throw: it is an outcome whose message names the stream and the offending record or state.
 * Only a usage error (an unknown stream in `streams`) throws.
 */
export async function runConformance(options: ConformanceOptions): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [await checkManifest(options.connector)];
  let connector: Connector;
  try {
    connector = await openConnector(options.connector);
  } catch (error) {
    const why = `the connector cannot be opened: ${(error as Error).message.split('\n')[0]}`;
    return [...outcomes, ...CHECK_ORDER.slice(1).map((check) => notApplicable(check, why))];
  }
  const use: UseOptions = options.allowHosts ? { allowHosts: options.allowHosts } : {};
  outcomes.push(checkSpec(connector.spec()));
  outcomes.push(...(await checkConnection(connector, options.config, options.badConfig, use)));

  const all = connector.discover();
  const selected = options.streams
    ? all.filter((stream) => options.streams?.includes(stream.name))
    : all;
  const unknown = (options.streams ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(
      `${connector.name} has no stream(s) ${unknown.join(', ')}; streams: ${all.map((s) => s.name).join(', ')}`,
    );
  for (const stream of selected) outcomes.push(checkSchema(stream));

  const readable = selected.filter((stream) => stream.syncModes.length > 0);
  for (const stream of readable)
    outcomes.push(
      ...(await checkStreamReads(connector, stream, options.config, use, options.volatile ?? [])),
    );
  if (readable.length === 0)
    for (const check of [CHECKS.records, CHECKS.fullReads, CHECKS.incremental, CHECKS.futureState])
      outcomes.push(notApplicable(check, 'no readable stream'));

  const writable = selected.filter((stream) => stream.writable);
  for (const stream of writable)
    outcomes.push(
      await checkWrites({
        connector,
        stream,
        config: options.config,
        use,
        samples: options.writeSamples?.[stream.name],
        readBack: options.readBack,
      }),
    );
  if (writable.length === 0) outcomes.push(notApplicable(CHECKS.writes, 'no writable stream'));
  return inCheckOrder(outcomes);
}
