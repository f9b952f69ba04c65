import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../../test-cli.ts';

const BIN = fileURLToPath(new URL('../../../bin/ferry.js', import.meta.url));

/** Whether util-linux `script` is here to give the CLI a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** A prompt to wait for (text on the screen after the previous answer) and the keys to type. */
export interface Keystrokes {
  after: string;
  type: string;
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Test support: runs `ferry <args>` on a pseudo-terminal (`script -qec`), so stdin and stdout
 * are TTYs and prompts appear; each answer is typed once its prompt is on the screen. The
 * output comes back with terminal escapes removed.
 */
export function runFerryInTerminal(
  args: string[],
  answers: Keystrokes[],
  options: { cwd: string },
): Promise<CliResult> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let seen = 0;
    const pending = [...answers];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
      const next = pending[0];
      const at = next ? screen.indexOf(next.after, seen) : -1;
      if (next && at >= 0) {
        pending.shift();
        seen = at + next.after.length;
        child.stdin.write(next.type);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed
      const stdout = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replaceAll('\r', '');
      resolve({ code, stdout, stderr: '' });
    });
  });
}
