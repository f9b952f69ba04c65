import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { manifestErrors } from './codes.ts';
import { undocumentedCodes } from './define-errors.ts';

describe('@ferry/manifest error table', () => {
  it('documents every code in docs/errors.md', async () => {
    const doc = await readFile(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    expect(undocumentedCodes(manifestErrors, doc)).toEqual([]);
  });

  it('creates coded errors with the default fix', () => {
    const error = manifestErrors.create('FERRY_FILE_NOT_FOUND', 'x.yaml does not exist', {
      file: 'x.yaml',
      path: '$',
    });
    expect(error).toMatchObject({
      code: 'FERRY_FILE_NOT_FOUND',
      file: 'x.yaml',
      hint: expect.stringContaining('Check the path'),
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: 'FERRY_FILE_NOT_FOUND',
      message: 'x.yaml does not exist',
    });
  });
});
