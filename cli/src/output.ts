import { relative } from 'node:path';
import { formatIssue, type Issue, isFerryError, sortIssues } from '@ferry/manifest';

/** A path as the user should see it: relative to where they ran the command. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') && path.startsWith('/') ? path : rel;
}

/** Issues with their file paths made relative, in file and line order. */
export function presentIssues(issues: Issue[]): Issue[] {
  return sortIssues(issues.map((issue) => ({ ...issue, file: shown(issue.file) })));
}

export function printIssues(issues: Issue[], write: (line: string) => void): void {
  for (const issue of presentIssues(issues)) write(formatIssue(issue));
}

/** Prints data as one JSON document on stdout (for `--json`). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error that ended a command: coded errors with their fix, others as internal. */
export function reportFailure(error: unknown): void {
  if (isFerryError(error)) {
    const where = [error.file && shown(error.file), error.path].filter(Boolean).join(' ');
    console.error(`${error.code}${where ? ` ${where}` : ''}: ${error.message}`);
    if (error.hint) console.error(`    fix: ${error.hint}`);
    return;
  }
  console.error(`FERRY_INTERNAL: ${(error as Error)?.message ?? String(error)}`);
  console.error(
    '    fix: this is a bug in Ferry; rerun with FERRY_DEBUG=1 and report the stack trace.',
  );
  if (process.env.FERRY_DEBUG) console.error((error as Error)?.stack);
}
