// The testkit's describe* helpers register vitest tests, yet the CLI imports the same package
// outside vitest, where importing 'vitest' throws. So vitest is loaded here only when the module
// is evaluated inside a vitest worker (top-level await, before any test file body runs).
type Vitest = typeof import('vitest');

const vitest: Vitest | undefined = process.env.VITEST
  ? await import('vitest').catch(() => undefined)
  : undefined;

/** The vitest API, or an error naming the helper that needs it. */
export function vitestApi(helper: string): Vitest {
  if (!vitest)
    throw new Error(`${helper}() registers vitest tests: call it in a test file run by vitest`);
  return vitest;
}
