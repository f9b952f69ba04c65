import type { JsonObject } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';
import { datetimeFormat } from './datetime.ts';

/**
 * The state of one incremental stream (or partition): the highest cursor value read, and the
 * keys of the records that carry exactly that value. The next read starts at the cursor
 * (inclusive) and skips those keys, so records that share the boundary value are neither lost
 * nor read twice.
 */
export interface CursorState {
  cursor?: string | number;
  keys?: string[];
}

export interface CursorOptions {
  type: 'datetime' | 'integer';
  field: string;
  format?: string;
  requestFormat?: string;
  lookbackMs: number;
  /** The rendered `start` (from config), used when there is no state yet. */
  start: unknown;
  previous: CursorState | undefined;
  keyOf: (record: JsonObject) => string;
  stream: string;
}

/** Tracks the cursor over one read of a stream or partition. */
export class CursorTracker {
  readonly #options: CursorOptions;
  readonly #toNumber: (value: unknown) => number | undefined;
  readonly #requestValue: (n: number) => string | number;
  readonly #previous: number | undefined;
  readonly #previousKeys: Set<string>;
  readonly #floor: number | undefined;
  #max: number | undefined;
  #maxRaw: string | number | undefined;
  #keysAtMax: string[];

  constructor(options: CursorOptions) {
    this.#options = options;
    if (options.type === 'integer') {
      this.#toNumber = (v) =>
        typeof v === 'number'
          ? v
          : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
            ? Number(v)
            : undefined;
      this.#requestValue = (n) => n;
    } else {
      const format = datetimeFormat(options.format);
      const request = datetimeFormat(options.requestFormat ?? options.format);
      this.#toNumber = (v) => format.parse(v);
      this.#requestValue = (n) => request.format(n);
    }
    const previous = options.previous?.cursor;
    this.#previous = previous === undefined ? undefined : this.#parse(previous, 'state');
    this.#previousKeys = new Set(options.previous?.keys ?? []);
    this.#max = this.#previous;
    this.#maxRaw = previous;
    this.#keysAtMax = [...this.#previousKeys];
    const configStart =
      options.start === undefined || options.start === null || options.start === ''
        ? undefined
        : options.type === 'integer'
          ? this.#toNumber(options.start)
          : (datetimeFormat('iso8601').parse(options.start) ?? this.#toNumber(options.start));
    const lookback = options.type === 'datetime' ? options.lookbackMs : 0;
    this.#floor = this.#previous !== undefined ? this.#previous - lookback : configStart;
  }

  /** The window start to put in the request, in the request format, or undefined for all history. */
  get start(): string | number | undefined {
    if (this.#floor === undefined) return undefined;
    const raw = this.#options.previous?.cursor;
    if (
      raw !== undefined &&
      this.#floor === this.#previous &&
      this.#options.requestFormat === undefined
    )
      return raw;
    return this.#requestValue(this.#floor);
  }

  /** False for records the previous read already delivered (older than the window, or boundary keys). */
  accept(record: JsonObject): boolean {
    const raw = record[this.#options.field];
    if (raw === undefined || raw === null) return true;
    const value = this.#parse(raw, 'record');
    if (this.#floor !== undefined && value < this.#floor) return false;
    if (value === this.#previous && this.#previousKeys.has(this.#options.keyOf(record)))
      return false;
    return true;
  }

  /** Records a delivered record's cursor value. */
  observe(record: JsonObject): void {
    const raw = record[this.#options.field];
    if (raw === undefined || raw === null) return;
    const value = this.#parse(raw, 'record');
    if (this.#max === undefined || value > this.#max) {
      this.#max = value;
      this.#maxRaw = raw as string | number;
      this.#keysAtMax = [this.#options.keyOf(record)];
    } else if (value === this.#max) {
      this.#keysAtMax.push(this.#options.keyOf(record));
    }
  }

  /** The state that covers every record observed so far (and everything before the previous state). */
  checkpoint(): CursorState | undefined {
    if (this.#maxRaw === undefined) return this.#options.previous;
    return { cursor: this.#maxRaw, keys: [...new Set(this.#keysAtMax)] };
  }

  #parse(raw: unknown, from: 'state' | 'record'): number {
    const value = this.#toNumber(raw);
    if (value === undefined) {
      throw engineErrors.create(
        from === 'state' ? 'FERRY_STATE_INVALID' : 'FERRY_CURSOR_INVALID',
        `stream ${this.#options.stream}: ${from} cursor value ${JSON.stringify(raw)} of '${this.#options.field}' is not a valid ${this.#options.type}${this.#options.format ? ` in format ${this.#options.format}` : ''}`,
      );
    }
    return value;
  }
}
