/**
 * One problem found while validating a file (*contract*: the shape `ferry validate --json`
 * prints). `path` is a JSON path such as `$.streams[0].primaryKey`.
 */
export interface Issue {
  code: string;
  file: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

/** The result of validating something: the parsed value when valid, and every issue found. */
export interface Validation<T> {
  ok: boolean;
  value?: T;
  issues: Issue[];
}

/** `['streams', 0, 'primaryKey']` -> `$.streams[0].primaryKey`. */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** One issue as a human reads it: `file:line:col  $.path  CODE message` and an indented hint. */
export function formatIssue(issue: Issue): string {
  const where =
    issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const head = `${where}  ${issue.path}  ${issue.code}  ${issue.message}`;
  return issue.hint ? `${head}\n    fix: ${issue.hint}` : head;
}

/** Orders issues by file, then line, for stable output. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
