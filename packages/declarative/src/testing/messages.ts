import type { Message } from '@ferry/sdk';

/** Test support: every message of a read, in order. */
export async function collect(batches: AsyncIterable<Message[]>): Promise<Message[]> {
  const out: Message[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

/** Test support: reads until the read fails; returns the messages before the failure and the error. */
export async function collectUntilError(
  batches: AsyncIterable<Message[]>,
): Promise<{ messages: Message[]; error: unknown }> {
  const messages: Message[] = [];
  try {
    for await (const batch of batches) messages.push(...batch);
  } catch (error) {
    return { messages, error };
  }
  return { messages, error: undefined };
}

export const records = (messages: Message[]) =>
  messages.flatMap((m) => (m.type === 'RECORD' ? [m.data] : []));
export const states = (messages: Message[]) =>
  messages.flatMap((m) => (m.type === 'STATE' ? [m.state] : []));
