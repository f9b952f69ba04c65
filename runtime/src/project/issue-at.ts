import { type Issue, issueAt, type Source } from '@ferry/manifest';
import { installErrors } from '../install/errors.ts';
import { projectErrors } from './errors.ts';

const HINTS: Record<string, { hint: string }> = { ...installErrors.codes, ...projectErrors.codes };

/** An issue at a JSON path of the project file, with its line and column and the code's usual fix. */
export function at(
  source: Source,
  code: string,
  segments: readonly (string | number)[],
  message: string,
  hint?: string,
  atKey = false,
): Issue {
  return issueAt(source, code, segments, message, hint ?? HINTS[code]?.hint, atKey);
}
