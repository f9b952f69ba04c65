import { describe, expect, it } from 'vitest';
import { manifestErrors } from './codes.ts';
import { undocumentedCodes } from './define-errors.ts';

describe('@ferry/manifest error table', () => {
  it('finds the codes a document lacks', () => {
    const doc = '# Errors\n\n### `FERRY_FILE_NOT_FOUND`\n\ntext\n';
    expect(undocumentedCodes(manifestErrors, doc)).not.toContain('FERRY_FILE_NOT_FOUND');
    expect(undocumentedCodes(manifestErrors, doc)).toContain('FERRY_YAML_SYNTAX');
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
