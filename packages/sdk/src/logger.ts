import type { JsonObject } from './messages.ts';

/** A logger bound to the connector and stream; values of secret config fields are redacted. */
export interface Logger {
  debug(message: string, fields?: JsonObject): void;
  info(message: string, fields?: JsonObject): void;
  warn(message: string, fields?: JsonObject): void;
  error(message: string, fields?: JsonObject): void;
}
