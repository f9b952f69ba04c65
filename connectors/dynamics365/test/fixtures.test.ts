// Secrets never in fixtures: record() scrubs them; this checks it did, in every encoding.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORDING_SECRET, secretForms } from './support.ts';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));

describe('recorded fixtures', () => {
  it('hold no form of the client secret, and scrubbed credentials where they were', async () => {
    const files = (await readdir(fixtures, { recursive: true })).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(7);
    let scrubbed = 0;
    for (const file of files) {
      const text = await readFile(join(fixtures, file), 'utf8');
      for (const form of secretForms(RECORDING_SECRET)) expect(text, file).not.toContain(form);
      expect(text, file).not.toMatch(/"access_token": "(?!\*\*\*)/);
      expect(text, file).not.toMatch(/Bearer (?!\*\*\*)/);
      scrubbed += text.split('client_secret=***').length - 1;
    }
    expect(scrubbed).toBeGreaterThan(0);
  });
});
