import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { engineErrors } from '../errors.ts';

const modules = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Loads the function a handler reference names (`./dist/file.js#export`, default export when
 * there is no `#`). When a `./dist/**.js` file is not built yet but its TypeScript source
 * `./src/**.ts` exists, the source is loaded through tsx, so authors can run a connector
 * before building it.
 */
export async function loadHandler<T>(
  dir: string,
  ref: string,
  where: { file: string; path: string },
): Promise<T> {
  const [file = '', name = 'default'] = ref.split('#');
  const path = await locate(resolve(dir, file));
  if (!path) {
    throw engineErrors.create(
      'FERRY_HANDLER_NOT_FOUND',
      `handler file ${file} does not exist in ${dir}`,
      { ...where },
    );
  }
  let loaded = modules.get(path);
  if (!loaded) {
    loaded = path.endsWith('.ts')
      ? importTypeScript(path)
      : (import(pathToFileURL(path).href) as Promise<Record<string, unknown>>);
    modules.set(path, loaded);
  }
  let mod: Record<string, unknown>;
  try {
    mod = await loaded;
  } catch (error) {
    modules.delete(path);
    throw engineErrors.create(
      'FERRY_HANDLER_NOT_FOUND',
      `handler module ${file} failed to load: ${(error as Error).message}`,
      { ...where, cause: error },
    );
  }
  const fn = mod[name];
  if (typeof fn !== 'function') {
    const exported = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    throw engineErrors.create(
      'FERRY_HANDLER_NOT_FOUND',
      `${file} has no exported function '${name}'`,
      {
        ...where,
        hint:
          exported.length > 0
            ? `exported functions: ${exported.join(', ')}`
            : 'export the handler function from the module',
      },
    );
  }
  return fn as T;
}

async function locate(path: string): Promise<string | undefined> {
  if (await exists(path)) return path;
  const source = path.replace(/([/\\])dist([/\\])/, '$1src$2').replace(/\.(m?)js$/, '.$1ts');
  if (source !== path && (await exists(source))) return source;
  return undefined;
}

async function importTypeScript(path: string): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
