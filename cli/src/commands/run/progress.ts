import { clearLine, cursorTo } from 'node:readline';
import type { RunCounts } from '@ferry/runtime';

/**
 * The live progress line of `ferry run` on a terminal: records read and written, the rate,
 * the elapsed time and the dead-letter count, rewritten in place at most 10 times a second.
 * Off a terminal it prints nothing until the summary.
 */
export class ProgressLine {
  readonly #started = performance.now();
  readonly #tty = process.stderr.isTTY === true;
  #lastDraw = 0;

  update(counts: RunCounts, deadLetters: number, force = false): void {
    if (!this.#tty) return;
    const now = performance.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? Math.round(counts.read / seconds) : 0;
    cursorTo(process.stderr, 0);
    clearLine(process.stderr, 1);
    process.stderr.write(
      `read ${counts.read.toLocaleString('en')}  written ${counts.written.toLocaleString('en')}  ${rate.toLocaleString('en')}/s  ${formatSeconds(seconds)}  dead letters ${deadLetters}`,
    );
  }

  done(): void {
    if (!this.#tty) return;
    cursorTo(process.stderr, 0);
    clearLine(process.stderr, 1);
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
