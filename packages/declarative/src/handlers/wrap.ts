import { FerryError } from '@ferry/manifest';
import { engineErrors } from '../errors.ts';
import { redactText } from './logger.ts';

/**
 * Wraps an error thrown by a connector's handler (or by the engine on a stream's behalf) with
 * the connector, stream and operation, keeping the original code when it has one, the way
 * rollup re-wraps plugin errors with the plugin's name and hook.
 */
export function wrapError(
  error: unknown,
  where: {
    connector: string;
    stream?: string;
    operation: 'read' | 'write' | 'check';
    file?: string;
    path?: string;
  },
  secrets: readonly string[],
): FerryError {
  const scope = `${where.connector}${where.stream ? ` stream ${where.stream}` : ''} (${where.operation})`;
  const details = { connector: where.connector, stream: where.stream, operation: where.operation };
  if (error instanceof FerryError) {
    if (error.details?.operation) return error;
    return new FerryError(error.code, redactText(`${scope}: ${error.message}`, secrets), {
      ...(error.file ? { file: error.file } : where.file ? { file: where.file } : {}),
      ...(error.path ? { path: error.path } : where.path ? { path: where.path } : {}),
      ...(error.hint ? { hint: error.hint } : {}),
      cause: error,
      details: { ...error.details, ...details },
    });
  }
  const original = error as { code?: unknown; message?: unknown };
  const code =
    typeof original?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(original.code)
      ? original.code
      : 'FERRY_HANDLER_FAILED';
  const wrapped = engineErrors.create(
    'FERRY_HANDLER_FAILED',
    redactText(`${scope}: ${String(original?.message ?? error)}`, secrets),
    {
      ...(where.file ? { file: where.file } : {}),
      ...(where.path ? { path: where.path } : {}),
      cause: error,
      details,
    },
  );
  return code === 'FERRY_HANDLER_FAILED'
    ? wrapped
    : new FerryError(code, wrapped.message, { ...wrapped, cause: error, details });
}
