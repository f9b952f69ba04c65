/** A JSON object: what a record is. */
export type JsonObject = Record<string, unknown>;

/**
 * Messages (*contract*): what a read produces and what `ferry read` prints, one JSON object per
 * line. Close to the Airbyte protocol on purpose.
 */
export interface RecordMessage {
  type: 'RECORD';
  stream: string;
  data: JsonObject;
}

/** A checkpoint: reading again from `state` loses none of the records printed before it. */
export interface StateMessage {
  type: 'STATE';
  stream: string;
  state: JsonObject;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogMessage {
  type: 'LOG';
  level: LogLevel;
  message: string;
  stream?: string;
  fields?: JsonObject;
}

export interface ErrorMessage {
  type: 'ERROR';
  code: string;
  message: string;
  stream?: string;
  /** The JSON path of the manifest part involved, e.g. `$.streams[1].read.pagination`. */
  path?: string;
  hint?: string;
}

export type Message = RecordMessage | StateMessage | LogMessage | ErrorMessage;
