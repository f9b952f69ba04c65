import type { CursorMark } from './cursor.ts';

/** How far one file was read (*the stream's state*, one entry per file under `files`). */
export interface FileProgress {
  /** The file's size and modification time (ms) when it was last looked at. */
  size: number;
  mtime: number;
  /** Bytes read, always at the end of a line or CSV record: the next read starts here. */
  offset: number;
  /** Lines before `offset` (embedded newlines included), for line numbers in messages. */
  lines: number;
  /** A fingerprint of the bytes before `offset` (see fingerprint.ts). */
  fingerprint: string;
}

/**
 * The state of the `records` stream: per file (by name relative to the configured folder) how
 * far it was read; with `cursorField`, the engine's `{ cursor, keys }` of the last completed
 * read, and `pending`, the highest cursor of a read still in progress.
 */
export interface FilesState {
  files: Record<string, FileProgress>;
  cursor?: unknown;
  keys?: string[];
  pending?: CursorMark;
}

/** A state from a previous read, taking only what has the expected shape. */
export function parseState(raw: unknown): FilesState {
  const state = (raw ?? {}) as Partial<FilesState>;
  const files: Record<string, FileProgress> = {};
  for (const [name, entry] of Object.entries(state.files ?? {}))
    if (isProgress(entry)) files[name] = entry;
  return {
    files,
    ...('cursor' in state && state.cursor !== undefined
      ? { cursor: state.cursor, keys: stringList(state.keys) }
      : {}),
    ...(state.pending && 'cursor' in state.pending
      ? { pending: { cursor: state.pending.cursor, keys: stringList(state.pending.keys) } }
      : {}),
  };
}

function isProgress(value: unknown): value is FileProgress {
  const entry = value as FileProgress | null;
  return (
    typeof entry?.offset === 'number' &&
    typeof entry.lines === 'number' &&
    typeof entry.size === 'number' &&
    typeof entry.mtime === 'number' &&
    typeof entry.fingerprint === 'string'
  );
}

const stringList = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
