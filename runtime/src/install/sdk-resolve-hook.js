// A module resolve hook (it runs in Node's loader thread, so it is plain JavaScript): a bare
// `@ferry/sdk` or `@ferry/manifest` imported from inside an installed connector
// (`.ferry/connectors/...`) resolves to the runtime's own copy. Installed connectors have no
// node_modules/@ferry/sdk (it is a peer dependency): the runtime provides the SDK.
//
// The specifier is resolved as if it were imported by the runtime package itself, through the
// rest of the hook chain, so the export conditions in force apply (`@ferry/source` when Ferry
// runs from its sources, `default` when it runs from dist).

const PROVIDED = new Set(['@ferry/sdk', '@ferry/manifest']);
let runtimeURL;

/** @param {{ runtimeURL: string }} data */
export function initialize(data) {
  runtimeURL = data.runtimeURL;
}

export async function resolve(specifier, context, nextResolve) {
  if (
    runtimeURL !== undefined &&
    PROVIDED.has(specifier) &&
    context.parentURL?.includes('/.ferry/connectors/')
  ) {
    return nextResolve(specifier, { ...context, parentURL: runtimeURL });
  }
  return nextResolve(specifier, context);
}
