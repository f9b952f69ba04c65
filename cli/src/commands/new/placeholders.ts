import { extname } from 'node:path';

const PLACEHOLDER = /__([A-Z][A-Z_]*[A-Z])__/g;

/**
 * Fills `__NAME__`-style placeholders (they cannot clash with the `{{ }}` templates of Ferry
 * manifests). In JSON and YAML files placeholders stand inside double-quoted strings, so values
 * are escaped as JSON string content there (valid in YAML double quotes too).
 */
export function fillPlaceholders(
  text: string,
  file: string,
  values: Readonly<Record<string, string>>,
): string {
  const quoted = ['.json', '.yaml', '.yml'].includes(extname(file));
  return text.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${file}: unknown template placeholder ${match}`);
    return quoted ? JSON.stringify(value).slice(1, -1) : value;
  });
}

/** The names of the placeholders a text uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** A template file's name in the output: `x.ts.tmpl` -> `x.ts`, `_gitignore` -> `.gitignore`. */
export function outputName(name: string): string {
  const plain = name.endsWith('.tmpl') ? name.slice(0, -'.tmpl'.length) : name;
  return plain === '_gitignore' ? '.gitignore' : plain;
}
