import type { JsonObject } from '@ferry/sdk';
import { engineErrors } from './errors.ts';

/**
 * Reads state given to a read: an object of stream name -> state, or the STATE messages a
 * previous read printed (a JSON array, or JSON lines with other messages mixed in; the last
 * STATE of each stream wins).
 */
export function parseStateInput(text: string, file = 'state'): Record<string, JsonObject> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  let values: unknown[];
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (
      !Array.isArray(parsed) &&
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { type?: unknown }).type !== 'STATE'
    ) {
      return parsed as Record<string, JsonObject>;
    }
    values = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    try {
      values = trimmed
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as unknown);
    } catch (error) {
      throw engineErrors.create(
        'FERRY_STATE_INVALID',
        `${file} is neither JSON nor JSON lines: ${(error as Error).message}`,
        { file },
      );
    }
  }
  const state: Record<string, JsonObject> = {};
  for (const value of values) {
    const message = value as { type?: unknown; stream?: unknown; state?: unknown };
    if (message?.type !== 'STATE') continue;
    if (
      typeof message.stream !== 'string' ||
      typeof message.state !== 'object' ||
      message.state === null
    ) {
      throw engineErrors.create(
        'FERRY_STATE_INVALID',
        `${file} has a STATE message without a stream name or state object`,
        { file },
      );
    }
    state[message.stream] = message.state as JsonObject;
  }
  return state;
}
