import type { RunEvent } from '../runner/runner.ts';

export type RunEventListener = (event: RunEvent) => void;

/**
 * Fans the runner's events out to several listeners (the daemon's metrics and logs, the run
 * launcher). Create it first and give `hub.emit` to the Runner as `onEvent`; a listener that
 * throws does not stop the others nor the run.
 */
export class RunEventHub {
  readonly #listeners = new Set<RunEventListener>();

  readonly emit = (event: RunEvent): void => {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not break a run.
      }
    }
  };

  /** Adds a listener; returns the function that removes it. */
  on(listener: RunEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
