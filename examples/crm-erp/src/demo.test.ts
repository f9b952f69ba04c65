import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run demo (the README main command)', () => {
  it('runs the CRM <-> ERP demo end to end, prints both directions and exits 0', async () => {
    // as a user runs it: not inside vitest (the testkit would hook into the runner)
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')),
    );
    const child = spawn('npm', ['run', '--silent', 'demo'], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`npm run demo exited with ${code}:\n${out}`);
    expect(out).toMatch(/crm -> erp: \d+ written \(\d+ created\)/);
    expect(out).toMatch(/erp -> crm: \d+ written \(\d+ created\)/);
    expect(out).toMatch(/merges: [1-9]/);
    expect(out).toContain('credit hold');
    expect(out).toContain('a cycle with no changes wrote 0 records');
    expect(out).not.toContain('FAILED');
  });
});
