import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How the connector's own tests went: `npm test` in its folder, when it has a test script. */
export interface ConnectorTests {
  status: 'passed' | 'failed' | 'none';
  command?: string;
  exitCode?: number | null;
  /** Why they did not run (status 'none'). */
  reason?: string;
  /** Everything the tests printed (stdout and stderr, interleaved). */
  output?: string;
}

/** Runs `npm test` in the connector folder as a child process, when package.json has a test script. */
export async function runConnectorTests(dir: string): Promise<ConnectorTests> {
  const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
  const scripts = manifest
    ? (JSON.parse(manifest) as { scripts?: Record<string, string> }).scripts
    : undefined;
  if (!scripts?.test) return { status: 'none', reason: 'no test script in package.json' };
  const command = 'npm test';
  return new Promise((resolve, reject) => {
    // A vitest run of our own (in tests) must not leak its worker settings into the child's.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
    );
    const child = spawn('npm', ['test'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) =>
      resolve({ status: exitCode === 0 ? 'passed' : 'failed', command, exitCode, output }),
    );
  });
}
