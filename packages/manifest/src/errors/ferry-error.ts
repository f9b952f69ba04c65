/** Where a problem is: the file, the JSON path inside it and, when known, the line. */
export interface ErrorLocation {
  file?: string;
  /** A JSON path such as `$.streams[0].primaryKey`. */
  path?: string;
  line?: number;
  column?: number;
}

export interface FerryErrorOptions extends ErrorLocation {
  /** How to fix it; defaults to the hint of the code's table entry. */
  hint?: string;
  cause?: unknown;
  /** Extra data for `--json` output; never secrets. */
  details?: Record<string, unknown>;
}

/**
 * Every error Ferry raises on purpose. `code` is stable (*contract*): users match on it; the
 * message may change. Codes are listed with their fixes in docs/errors.md.
 */
export class FerryError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly details?: Record<string, unknown>;

  /**
   * Recognised by shape, not by class identity: a connector loaded from TypeScript sources
   * (through tsx) or bundled with its own copy gets a second FerryError class, and its errors
   * must keep their code, hint and file all the same.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return (
      value instanceof Error &&
      value.name === 'FerryError' &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  }

  constructor(code: string, message: string, options: FerryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FerryError';
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
    if (options.path !== undefined) this.path = options.path;
    if (options.line !== undefined) this.line = options.line;
    if (options.column !== undefined) this.column = options.column;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.details !== undefined) this.details = options.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      file: this.file,
      path: this.path,
      line: this.line,
      column: this.column,
      hint: this.hint,
      details: this.details,
    };
  }
}

export function isFerryError(value: unknown): value is FerryError {
  return value instanceof FerryError;
}
