import { type Issue, jsonPath, type Source } from '@ferry/manifest';
import { installErrors } from '../install/errors.ts';
import { projectErrors } from './errors.ts';

const HINTS: Record<string, { hint: string }> = { ...installErrors.codes, ...projectErrors.codes };

/** An issue at a JSON path of the project file, with its line and column. */
export function at(
  source: Source,
  code: string,
  segments: readonly (string | number)[],
  message: string,
  hint?: string,
  atKey = false,
): Issue {
  const pos = source.locate(segments, atKey);
  const fix = hint ?? HINTS[code]?.hint;
  return {
    code,
    file: source.file,
    path: jsonPath(segments),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    message,
    ...(fix ? { hint: fix } : {}),
  };
}
