import { manifestErrors } from './errors/codes.ts';
import type { FerryError } from './errors/ferry-error.ts';
import type { SchemaProblem } from './explain.ts';
import { type Issue, jsonPath } from './issue.ts';
import type { Source } from './source.ts';

/** An issue at a path of a parsed file, with the line and column filled in from the source. */
export function issueAt(
  source: Source,
  code: string,
  segments: readonly (string | number)[],
  message: string,
  hint?: string,
  atKey = false,
): Issue {
  const pos = source.locate(segments, atKey);
  const defaultHint = (manifestErrors.codes as Record<string, { hint: string }>)[code]?.hint;
  const fix = hint ?? defaultHint;
  return {
    code,
    file: source.file,
    path: jsonPath(segments),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    message,
    ...(fix ? { hint: fix } : {}),
  };
}

export function problemIssue(
  source: Source,
  problem: SchemaProblem,
  prefix: (string | number)[] = [],
): Issue {
  return issueAt(
    source,
    problem.code,
    [...prefix, ...problem.segments],
    problem.message,
    problem.hint,
    problem.atKey,
  );
}

/** A FerryError that carries a JSON path, as an issue located in the source. */
export function errorIssue(
  source: Source,
  error: FerryError,
  segments: (string | number)[],
): Issue {
  return issueAt(source, error.code, segments, error.message, error.hint);
}
