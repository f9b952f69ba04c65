import { register } from 'node:module';

const REGISTERED = Symbol.for('ferry.runtime.sdkResolveHook');

/**
 * Makes `@ferry/sdk` and `@ferry/manifest` importable by installed connectors: registers, once
 * per thread, a resolve hook that maps those bare specifiers, imported from inside a
 * `.ferry/connectors/` folder, to the runtime's own copies. Call it before loading a connector's
 * handlers (the loader does); a worker thread that loads connectors calls it too.
 */
export function provideSdk(): void {
  const scope = globalThis as { [REGISTERED]?: boolean };
  if (scope[REGISTERED]) return;
  scope[REGISTERED] = true;
  register('./sdk-resolve-hook.js', import.meta.url, {
    data: { runtimeURL: import.meta.url },
  });
}
