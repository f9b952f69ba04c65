/**
 * Cleanup of started services: when the vitest test that started one ends, and, as a safety
 * net, when the process exits (synchronous stops only: the event loop is gone by then).
 */
const atExit = new Set<() => void>();
let hooked = false;

/** Runs `stopSync` if the process exits before `cancel()` is called. */
export function stopOnExit(stopSync: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const stop of atExit) {
        try {
          stop();
        } catch {
          // best effort: the process is exiting
        }
      }
    });
  }
  atExit.add(stopSync);
  return () => atExit.delete(stopSync);
}

/**
 * Inside a vitest test, registers `stop` to run when the test finishes. Elsewhere (in
 * `beforeAll`, where vitest cannot register hooks, or outside vitest) the caller stops the
 * service. vitest is imported only under vitest, where importing it works.
 */
export async function stopWhenTestEnds(stop: () => Promise<void>): Promise<void> {
  if (!process.env.VITEST) return;
  const { onTestFinished } = await import('vitest');
  try {
    onTestFinished(stop);
  } catch {
    // not inside a test
  }
}
