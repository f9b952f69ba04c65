import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import type { Cassette, FixturesLayout, Golden } from '../contract.ts';
import { testkitErrors } from '../errors.ts';

/**
 * Where the recorded API's origin stood: in fixtures/config.json, cassettes and golden files
 * the origin (`http://127.0.0.1:4010`, `https://api.example.com`) is replaced by this, and a
 * replay puts its own server's origin back. `.invalid` never resolves, so a value the replay
 * missed fails loudly instead of reaching a real host.
 */
export const ORIGIN_PLACEHOLDER = 'http://replay.invalid';

export function fixturesLayout(dir: string): FixturesLayout {
  return {
    config: join(dir, 'config.json'),
    cassettes: join(dir, 'cassettes'),
    golden: join(dir, 'golden'),
  };
}

/** The streams that have a cassette, read synchronously (vitest collects tests synchronously). */
export function recordedStreams(dir: string): string[] {
  const folder = fixturesLayout(dir).cassettes;
  if (!existsSync(folder))
    throw testkitErrors.create(
      'FERRY_FIXTURES_NOT_FOUND',
      `${folder} does not exist: there are no recorded cassettes in ${dir}`,
      { file: folder },
    );
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw testkitErrors.create('FERRY_FIXTURES_NOT_FOUND', `${file} does not exist`, { file });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw testkitErrors.create(
      'FERRY_FIXTURES_INVALID',
      `${file} is not valid JSON: ${(error as Error).message}`,
      { file },
    );
  }
}

function invalid(file: string, what: string): never {
  throw testkitErrors.create('FERRY_FIXTURES_INVALID', `${file} ${what}`, { file, path: '$' });
}

export async function loadConfig(dir: string): Promise<JsonObject> {
  const file = fixturesLayout(dir).config;
  const value = await readJson(file);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    invalid(file, 'must hold the connection config as an object');
  return value as JsonObject;
}

export async function loadCassette(dir: string, stream: string): Promise<Cassette> {
  const file = join(fixturesLayout(dir).cassettes, `${stream}.json`);
  const value = (await readJson(file)) as Partial<Cassette> | null;
  if (value?.version !== 1 || !Array.isArray(value.interactions))
    invalid(file, 'is not a cassette: expected { "version": 1, "interactions": [...] }');
  return value as Cassette;
}

export async function loadGolden(dir: string, stream: string): Promise<Golden> {
  const file = join(fixturesLayout(dir).golden, `${stream}.json`);
  const value = (await readJson(file)) as Partial<Golden> | null;
  if (!Array.isArray(value?.records) || value.state === undefined)
    invalid(file, 'is not golden output: expected { "records": [...], "state": {...} | null }');
  return value as Golden;
}

/** Writes pretty-printed JSON, creating the folder. */
export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every string inside `value` with `from` replaced by `to` (also in its URL-encoded form). */
export function replaceInStrings<T>(value: T, from: string, to: string): T {
  const swap = (text: string) =>
    text.split(from).join(to).split(encodeURIComponent(from)).join(encodeURIComponent(to));
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return swap(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}
