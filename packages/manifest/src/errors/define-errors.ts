import { FerryError, type FerryErrorOptions } from './ferry-error.ts';

/** One row of a package's error table: what the code means and the usual fix. */
export interface ErrorSpec {
  title: string;
  hint: string;
}

export interface ErrorTable<Code extends string> {
  readonly codes: Readonly<Record<Code, ErrorSpec>>;
  /** A FerryError with this code; the table's hint is used unless the options give one. */
  create(code: Code, message: string, options?: FerryErrorOptions): FerryError;
}

/**
 * A package's error table (fastify's FST_ERR_* pattern): each package declares its codes once,
 * and every code must be documented in docs/errors.md (a test checks it).
 */
export function defineErrors<const Code extends `FERRY_${string}`>(
  codes: Record<Code, ErrorSpec>,
): ErrorTable<Code> {
  return {
    codes,
    create(code, message, options = {}) {
      return new FerryError(code, message, { hint: codes[code].hint, ...options });
    },
  };
}

/** The codes of a table that docs/errors.md does not document with a `### CODE` heading. */
export function undocumentedCodes(table: ErrorTable<string>, errorsDoc: string): string[] {
  const documented = new Set(
    [...errorsDoc.matchAll(/^###\s+`?(FERRY_[A-Z0-9_]+)`?\s*$/gm)].map((m) => m[1]),
  );
  return Object.keys(table.codes).filter((code) => !documented.has(code));
}
