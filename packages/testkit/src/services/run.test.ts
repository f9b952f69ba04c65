import { describe, expect, it } from 'vitest';
import { asUser, run, shellQuote } from './run.ts';

describe('running commands', () => {
  it('runs as another user through runuser, else through su with a quoted line', () => {
    const initdb = { command: '/usr/bin/initdb', args: ['-D', "/tmp/it's here"] };
    expect(asUser(undefined, initdb, '/usr/sbin/runuser')).toEqual(initdb);
    expect(asUser('postgres', initdb, '/usr/sbin/runuser')).toEqual({
      command: '/usr/sbin/runuser',
      args: ['-u', 'postgres', '--', '/usr/bin/initdb', '-D', "/tmp/it's here"],
    });
    expect(asUser('postgres', initdb, undefined)).toEqual({
      command: 'su',
      args: ['postgres', '-s', '/bin/sh', '-c', `/usr/bin/initdb -D '/tmp/it'\\''s here'`],
    });
  });

  it('quotes words for /bin/sh only when needed', async () => {
    expect(shellQuote('--pwfile=/tmp/a-b_c.txt')).toBe('--pwfile=/tmp/a-b_c.txt');
    const word = `a b'c"$HOME`;
    const echoed = await run({ command: '/bin/sh', args: ['-c', `printf %s ${shellQuote(word)}`] });
    expect(echoed).toEqual({ code: 0, output: word });
  });

  it('returns the exit code and the output, also for a program that does not exist', async () => {
    const failed = await run({
      command: '/bin/sh',
      args: ['-c', 'echo out; echo err >&2; exit 3'],
    });
    expect(failed.code).toBe(3);
    expect(failed.output.split('\n').sort()).toEqual(['', 'err', 'out']);
    const missing = await run({ command: '/no/such/program', args: [] });
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/ENOENT/);
  });
});
