import { join } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../contract.ts';
import { CHECKS } from './checks.ts';
import { runConformance } from './run.ts';
import { type PlantedOptions, plantedConnector } from './test-connectors.ts';

async function conformance(name: string, planted: PlantedOptions, samples?: JsonObject[]) {
  const connector = await plantedConnector(name, planted);
  return runConformance({
    connector,
    config: { apiKey: 'right-key', path: join(connector, 'items.jsonl') },
    ...(samples ? { writeSamples: { items: samples } } : {}),
  });
}

const byCheck = (outcomes: CheckOutcome[], check: string) =>
  outcomes.find((outcome) => outcome.check === check);
const failures = (outcomes: CheckOutcome[]) => outcomes.filter((o) => o.status === 'failed');

const SAMPLES = [
  { id: 1, name: 'one', updated_at: '2024-06-01T00:00:00Z' },
  { id: 2, name: 'two', updated_at: '2024-06-02T00:00:00Z' },
];

describe('the conformance suite on connectors with a planted bug', () => {
  it('passes a correct handler connector on every check, writes included', async () => {
    const outcomes = await conformance('good', {}, SAMPLES);
    expect(failures(outcomes)).toEqual([]);
    expect(outcomes.map((o) => [o.check, o.status])).toEqual(
      Object.values(CHECKS).map((check) => [check, 'passed']),
    );
  });

  it('catches records that break their schema, naming the stream, the record and the error', async () => {
    const outcomes = await conformance('schema', {
      item: "({ id: i + 1, name: i === 3 ? 42 : 'ok', updated_at: `2024-05-0${i + 1}T10:00:00Z` })",
    });
    expect(failures(outcomes).map((o) => o.check)).toEqual([CHECKS.records]);
    const message = byCheck(outcomes, CHECKS.records)?.message;
    expect(message).toContain("stream 'items': 1 of 5 records are not valid");
    expect(message).toContain('record #3 (key [4]) does not match its schema: $.name:');
    expect(message).toMatch(/string/);
  });

  it('catches an incremental read that ignores the state, naming the state and the record', async () => {
    const outcomes = await conformance('state', { ignoreState: true });
    expect(failures(outcomes).map((o) => o.check)).toEqual([
      CHECKS.incremental,
      CHECKS.futureState,
    ]);
    const message = byCheck(outcomes, CHECKS.incremental)?.message;
    expect(message).toContain(
      `stream 'items': the read from state {"cursor":"2024-05-05T10:00:00Z"} returned 5 of 5 records that are not newer`,
    );
    expect(message).toContain(
      'record [1] with updated_at "2024-05-01T10:00:00Z" is older than the state\'s cursor "2024-05-05T10:00:00Z"',
    );
    expect(byCheck(outcomes, CHECKS.futureState)?.message).toContain(
      `stream 'items': the read from the future state {"cursor":"9999-12-31T23:59:59Z"} returned 5 record(s), e.g. [1]`,
    );
  });

  it('catches null primary keys, naming the record', async () => {
    const outcomes = await conformance('null-key', {
      item: '({ id: i === 2 ? null : i + 1, updated_at: `2024-05-0${i + 1}T10:00:00Z` })',
    });
    const outcome = byCheck(outcomes, CHECKS.records);
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toContain(
      "record #2 (key [null]) has a null primary key: 'id' is null",
    );
  });

  it('catches writes that insert a second row instead of replacing the first, naming the key', async () => {
    const outcomes = await conformance('append', { appendWrites: true }, SAMPLES);
    expect(failures(outcomes).map((o) => o.check)).toEqual([CHECKS.writes]);
    expect(byCheck(outcomes, CHECKS.writes)?.message).toContain(
      "stream 'items': after writing 2 sample(s) twice, key [1] appears 2 times when read back (2 duplicated key(s))",
    );
  });

  it('reports a check that cannot apply as not applicable, with why', async () => {
    const outcomes = await conformance('no-samples', {});
    expect(byCheck(outcomes, CHECKS.writes)).toEqual({
      check: CHECKS.writes,
      status: 'not applicable',
      message: "stream 'items': no writeSamples for it",
      stream: 'items',
    });
  });
});
