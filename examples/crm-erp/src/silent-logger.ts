/** A daemon logger that prints nothing (the demo prints its own lines; tests read the store). */
export function silentLogger() {
  const noop = () => undefined;
  const logger = {
    info: noop,
    warn: noop,
    error: noop,
    debug: noop,
    fatal: noop,
    trace: noop,
    level: 'silent',
    child: () => logger,
  };
  return logger as never;
}
