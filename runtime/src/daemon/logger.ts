import { type DestinationStream, type Level, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface DaemonLoggerOptions {
  /**
   * Secret values to remove from every log line (resolved connection secrets, the API token,
   * webhook secrets). Iterated for every line, so it is live: values added to a Set later (or
   * yielded by a generator) are redacted from then on.
   */
  secrets?: Iterable<string>;
  /** Default: stdout. */
  destination?: DestinationStream;
  /** Default: FERRY_LOG_LEVEL or 'info'. */
  level?: Level | 'silent';
}

const REDACTED = '[redacted]';

/**
 * The daemon's logger: pino JSON lines. Two layers keep secrets out: pino's `redact` removes
 * authorization (and signature) headers wherever a request or headers object is logged, and
 * every finished line is scanned for the known secret values (as written, JSON-escaped and
 * URL-encoded) before it is written, which also covers connector messages and error texts.
 */
export function createDaemonLogger(options: DaemonLoggerOptions = {}): Logger {
  const secrets = options.secrets ?? new Set<string>();
  const level = options.level ?? (process.env.FERRY_LOG_LEVEL as Level | undefined) ?? 'info';
  return pino(
    {
      level,
      base: { pid: process.pid, name: 'ferry-daemon' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'headers.authorization',
          'headers["x-ferry-signature"]',
          'req.headers.authorization',
          'req.headers["x-ferry-signature"]',
          'request.headers.authorization',
          '*.headers.authorization',
        ],
        censor: REDACTED,
      },
      hooks: { streamWrite: (line) => redactValues(line, secrets) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** `text` with every known secret value replaced, in its plain, JSON and URL-encoded forms. */
export function redactValues(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([
      secret,
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret),
    ])) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}
