import { describe, expect, it } from 'vitest';
import { FerryError } from './ferry-error.ts';

describe('FerryError across module instances', () => {
  it('recognises an error of another copy of the class by its shape', () => {
    // what a connector loaded through tsx throws: same name and code, another class
    class OtherFerryError extends Error {
      readonly code = 'FERRY_FILES_MALFORMED';
      constructor(message: string) {
        super(message);
        this.name = 'FerryError';
      }
    }
    expect(new OtherFerryError('bad line') instanceof FerryError).toBe(true);
    expect(new Error('plain') instanceof FerryError).toBe(false);
    expect(Object.assign(new Error('coded'), { code: 'ENOENT' }) instanceof FerryError).toBe(false);
  });
});
