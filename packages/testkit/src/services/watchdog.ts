import { spawn } from 'node:child_process';
import { type Command, shellQuote } from './run.ts';

/**
 * A detached shell that waits for this process to end, then runs `stop` and deletes `dir`: the
 * local server is cleaned up even when the test process is killed (testcontainers has Ryuk for
 * this). Returns a function that ends the watchdog, for a normal stop. Not on Windows.
 */
export function startWatchdog(stop: Command, dir: string): () => void {
  if (process.platform === 'win32') return () => {};
  const line = [stop.command, ...stop.args].map(shellQuote).join(' ');
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `${line} >/dev/null 2>&1`,
    `rm -rf ${shellQuote(dir)}`,
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
  return () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
