import { FerryError } from '@ferry/sdk';

/**
 * The connector's own error codes (documented in docs/errors.md). Installed connectors can
 * import only @ferry/sdk, so this is a small table of the same shape as @ferry/manifest's
 * `defineErrors` rather than a call to it.
 */
const codes = {
  FERRY_PG_CONNECT_FAILED: {
    title: 'The connector could not connect to PostgreSQL',
    hint: "Check host, port, database, user and password (or connectionString) and the ssl setting; the message carries PostgreSQL's own reason.",
  },
  FERRY_PG_QUERY_FAILED: {
    title:
      'A SQL statement of a read, a check or a write failed for a reason other than one record',
    hint: "Read PostgreSQL's message and SQLSTATE in the error; check the table, query, key and cursorColumn settings and the database user's privileges.",
  },
} as const;

export type PgErrorCode = keyof typeof codes;

export const pgErrors = {
  codes,
  create(code: PgErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    return new FerryError(code, message, { hint: codes[code].hint, ...options });
  },
};

/**
 * The engine's codes for a config the schema cannot judge alone (neither table nor query) and
 * for a state saved by another setup: they mean exactly that here, so they are reused.
 */
export function configInvalid(message: string, hint: string): FerryError {
  return new FerryError('FERRY_CONFIG_INVALID', message, { hint });
}

export function stateInvalid(message: string, hint: string): FerryError {
  return new FerryError('FERRY_STATE_INVALID', message, { hint });
}

/** The parts of a node-postgres error worth showing (never the connection settings). */
export interface PgErrorFields {
  code?: string;
  message?: string;
  detail?: string;
  where?: string;
  column?: string;
}

/** PostgreSQL's message with its SQLSTATE and detail: what a user needs to act on it. */
export function describePgError(error: unknown): string {
  const e = error as PgErrorFields;
  const message = e?.message ?? String(error);
  const parts = [message];
  if (e?.detail) parts.push(`(${e.detail})`);
  if (e?.code && /^[0-9A-Z]{5}$/.test(e.code)) parts.push(`[SQLSTATE ${e.code}]`);
  return parts.join(' ');
}

/** A failed statement as FERRY_PG_QUERY_FAILED, saying what was being done. */
export function queryFailed(doing: string, error: unknown): FerryError {
  if (error instanceof FerryError) return error;
  return pgErrors.create('FERRY_PG_QUERY_FAILED', `${doing}: ${describePgError(error)}`, {
    cause: error,
  });
}
