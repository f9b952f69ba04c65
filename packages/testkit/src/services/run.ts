import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { findExecutable } from './binaries.ts';

/** A command line: the program and its arguments. */
export interface Command {
  command: string;
  args: string[];
}

/**
 * The command run as `user` (for root: PostgreSQL refuses to run as root). `runuser -u user --`
 * when runuser exists (util-linux, root only, no PAM session), else `su user -s /bin/sh -c`.
 * Without a user, the command itself.
 */
export function asUser(user: string | undefined, command: Command, runuser?: string): Command {
  if (user === undefined) return command;
  if (runuser)
    return { command: runuser, args: ['-u', user, '--', command.command, ...command.args] };
  const line = [command.command, ...command.args].map(shellQuote).join(' ');
  return { command: 'su', args: [user, '-s', '/bin/sh', '-c', line] };
}

/** The runuser program, looked for on PATH and in the sbin folders root usually has. */
export function findRunuser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return findExecutable('runuser', dirs.filter(Boolean));
}

/** Quotes a word for /bin/sh. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs a command to its end; never rejects: the exit code and the output (stdout + stderr). */
export function run(
  { command, args }: Command,
  options: { cwd?: string } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => resolve({ code: -1, output: output + String(error) }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}
