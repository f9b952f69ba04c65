// Test support: `ferry daemon` as a child process, the way an operator runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/ferry.js', import.meta.url));

export interface DaemonProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`, from the daemon's "daemon ready" log line. */
  url: string;
  /** The JSON log lines so far. */
  logs(): Record<string, unknown>[];
  stderr(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts `ferry daemon <args>` and resolves once it reports ready. Killed at the end of the test if still alive. */
export async function startDaemonProcess(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<DaemonProcess> {
  const child = spawn(process.execPath, [BIN, 'daemon', ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const logs = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const ready = logs().find((l) => l.msg === 'daemon ready');
      if (ready) {
        child.stdout?.off('data', check);
        resolve(ready.url as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) =>
      reject(
        new Error(`ferry daemon exited with ${code} before it was ready:\n${stdout}\n${stderr}`),
      ),
    );
  });
  return {
    child,
    url,
    logs,
    stderr: () => stderr,
    exited,
    stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
