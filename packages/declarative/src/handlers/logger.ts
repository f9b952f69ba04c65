import type { JsonObject, Logger, LogLevel, Message } from '@ferry/sdk';

/** Replaces every secret value in a text with ***. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)]));
  }
  return value;
}

/**
 * A logger that turns log calls into LOG messages bound to a stream, with secret values
 * redacted, and hands them to `emit` (the read's message queue).
 */
export function createLogger(
  emit: (message: Message) => void,
  options: { stream?: string; secrets: readonly string[]; debug?: boolean },
): Logger {
  const log = (level: LogLevel) => (message: string, fields?: JsonObject) => {
    if (level === 'debug' && !options.debug) return;
    emit({
      type: 'LOG',
      level,
      message: redactText(message, options.secrets),
      ...(options.stream ? { stream: options.stream } : {}),
      ...(fields ? { fields: redactValue(fields, options.secrets) as JsonObject } : {}),
    });
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
