import { describe, expect, it } from 'vitest';
import { assertRuntimeCompatible, runtimeIncompatibility } from './compat.ts';
import { FerryError } from './errors/ferry-error.ts';
import { RUNTIME_API_VERSION } from './version.ts';

describe('runtime compatibility', () => {
  it('accepts ranges that include the running runtime API version', () => {
    expect(RUNTIME_API_VERSION).toMatch(/^1\./);
    for (const runtime of ['^1', '>=1.0.0 <2', '1.x', '*']) {
      expect(runtimeIncompatibility({ name: 'c', runtime })).toBeUndefined();
    }
  });

  it('rejects a range that excludes it, naming both versions', () => {
    const error = runtimeIncompatibility(
      { name: '@acme/c', runtime: '^2' },
      { file: 'connector.yaml' },
      '1.4.0',
    );
    expect(error).toBeInstanceOf(FerryError);
    expect(error).toMatchObject({
      code: 'FERRY_RUNTIME_INCOMPATIBLE',
      file: 'connector.yaml',
      path: '$.runtime',
      message: '@acme/c expects runtime ^2, but this Ferry provides runtime 1.4.0',
    });
    expect(() => assertRuntimeCompatible({ name: '@acme/c', runtime: '<1' })).toThrow(
      /expects runtime <1/,
    );
  });

  it('rejects a runtime that is not a semver range', () => {
    expect(runtimeIncompatibility({ name: 'c', runtime: 'one' })?.code).toBe(
      'FERRY_RUNTIME_RANGE_INVALID',
    );
  });
});
