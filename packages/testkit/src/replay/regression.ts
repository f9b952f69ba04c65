import { basename } from 'node:path';
import { type Connector, openConnector } from '@ferry/declarative';
import { vitestApi } from '../conformance/vitest-api.ts';
import { testkitErrors } from '../errors.ts';
import { loadCassette, loadConfig, loadGolden, recordedStreams } from './fixtures.ts';
import { compareWithGolden } from './golden.ts';
import { replayRead } from './replay-read.ts';

export interface RegressionOptions {
  /** The connector package folder or manifest file. */
  connector: string;
  /** The fixtures folder `ferry record` wrote. */
  fixtures: string;
  /** Fields ignored when records are compared (e.g. ['fetched_at']). */
  volatile?: string[];
}

/**
 * vitest tests, one per recorded stream: the stream is read offline from its cassette (the
 * replay server is the only host the connector may reach) with the fixtures config, and its
 * records and final state must equal the golden file; a difference fails with a readable diff.
 */
export function describeRegression(options: RegressionOptions): void {
  const { describe, it } = vitestApi('describeRegression');
  const streams = recordedStreams(options.fixtures);
  if (streams.length === 0)
    throw testkitErrors.create(
      'FERRY_FIXTURES_NOT_FOUND',
      `${options.fixtures} holds no cassettes: there is nothing to replay`,
      { file: options.fixtures },
    );
  let opened: Promise<Connector> | undefined;
  const connector = () => {
    opened ??= openConnector(options.connector);
    return opened;
  };
  describe(`regression: ${basename(options.connector)}`, () => {
    for (const stream of streams) {
      it(`${stream}: a replay gives the golden records and state`, async () => {
        const [config, cassette, golden] = await Promise.all([
          loadConfig(options.fixtures),
          loadCassette(options.fixtures, stream),
          loadGolden(options.fixtures, stream),
        ]);
        const read = await replayRead(await connector(), config, stream, [cassette]);
        if (read.error)
          throw new Error(`stream '${stream}': the replayed read failed: ${read.error}`);
        const message = await compareWithGolden(stream, read, golden, options.volatile);
        if (message) throw new Error(message);
      });
    }
  });
}
