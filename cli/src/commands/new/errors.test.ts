import { readFile } from 'node:fs/promises';
import { undocumentedCodes } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';
import { scaffoldErrors } from './errors.ts';

describe('ferry new error codes', () => {
  it('are documented under "@ferry/cli: scaffolding" in docs/errors.md', async () => {
    const doc = await readFile(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    expect(undocumentedCodes(scaffoldErrors, doc)).toEqual([]);
    const section = doc.slice(doc.indexOf('## @ferry/cli: scaffolding'));
    for (const code of Object.keys(scaffoldErrors.codes))
      expect(section).toContain(`### \`${code}\``);
  });
});
