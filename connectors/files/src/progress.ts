import type { Stats } from 'node:fs';
import type { Position } from './entries.ts';
import { fingerprint } from './fingerprint.ts';
import type { FileProgress } from './state.ts';

export type Plan = { action: 'skip' } | { action: 'read'; from: Position; rewritten: boolean };

const FROM_START = { action: 'read', from: { offset: 0, lines: 0 } } as const;

/**
 * Where to read a file from, given how far the last read got: nothing when it is unchanged
 * (same size and mtime, read to the end); from the offset reached when the bytes before it are
 * unchanged (the file was appended to, or a read stopped part way); from the start when it is
 * new, shorter than the offset, or its fingerprint differs (rewritten).
 */
export async function planFile(
  path: string,
  previous: FileProgress | undefined,
  info: Stats,
): Promise<Plan> {
  if (!previous) return { ...FROM_START, rewritten: false };
  const unchanged = info.size === previous.size && info.mtimeMs === previous.mtime;
  if (unchanged && previous.offset >= info.size) return { action: 'skip' };
  if (
    info.size >= previous.offset &&
    (await fingerprint(path, previous.offset)) === previous.fingerprint
  )
    return {
      action: 'read',
      from: { offset: previous.offset, lines: previous.lines },
      rewritten: false,
    };
  return { ...FROM_START, rewritten: true };
}

/** How far each file has been read during one read, turned into state at each checkpoint. */
export class Progress {
  private readonly files = new Map<string, FileProgress & { path: string }>();
  /** Files whose offset moved since their fingerprint was taken. */
  private readonly stale = new Set<string>();

  constructor(previous: Record<string, FileProgress>) {
    for (const [name, entry] of Object.entries(previous))
      this.files.set(name, { ...entry, path: '' });
  }

  /** A file is about to be read from `from`; its size and mtime are as `info` says. */
  start(name: string, path: string, from: Position, info: Stats): void {
    const fingerprint = this.files.get(name)?.fingerprint ?? '';
    this.files.set(name, {
      path,
      size: info.size,
      mtime: info.mtimeMs,
      offset: from.offset,
      lines: from.lines,
      fingerprint,
    });
    this.stale.add(name);
  }

  advance(name: string, offset: number, lines: number): void {
    const entry = this.files.get(name);
    if (!entry) return;
    entry.offset = offset;
    entry.lines = lines;
    this.stale.add(name);
  }

  /** The `files` part of the state; `keep` (the files listed now) drops files that are gone. */
  async snapshot(keep?: ReadonlySet<string>): Promise<Record<string, FileProgress>> {
    for (const name of this.stale) {
      const entry = this.files.get(name);
      if (entry) entry.fingerprint = await fingerprint(entry.path, entry.offset);
    }
    this.stale.clear();
    const out: Record<string, FileProgress> = {};
    const names = [...this.files.keys()].sort();
    for (const name of names) {
      if (keep && !keep.has(name)) continue;
      const { path: _path, ...entry } = this.files.get(name) as FileProgress & { path: string };
      out[name] = entry;
    }
    return out;
  }
}
