import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySpec, parsePin, splitNameRange } from './spec.ts';
import { tempDir } from './test-fixtures.ts';

describe('splitNameRange', () => {
  it('splits at the last @, so scoped names keep their scope', () => {
    expect(splitNameRange('@ferry/connector-github@^1')).toEqual({
      name: '@ferry/connector-github',
      range: '^1',
    });
    expect(splitNameRange('left-pad@~1.2.0')).toEqual({ name: 'left-pad', range: '~1.2.0' });
    expect(splitNameRange('@ferry/connector-github@>=1.2 <2')).toEqual({
      name: '@ferry/connector-github',
      range: '>=1.2 <2',
    });
  });

  it('gives a bare name the default range', () => {
    expect(splitNameRange('@ferry/connector-github')).toEqual({
      name: '@ferry/connector-github',
      range: '*',
    });
    expect(splitNameRange('left-pad', 'latest')).toEqual({ name: 'left-pad', range: 'latest' });
  });

  it('refuses names npm refuses and an empty range', () => {
    expect(splitNameRange('Ferry@1')).toBeUndefined();
    expect(splitNameRange('@ferry/x@')).toBeUndefined();
    expect(splitNameRange('@ferry@1')).toBeUndefined();
    expect(splitNameRange('../etc@1')).toBeUndefined();
  });
});

describe('parsePin', () => {
  it('reads a connection pin and names its place when it is not name@range', () => {
    expect(parsePin('@ferry/connector-github@~0.1.0')).toEqual({
      name: '@ferry/connector-github',
      range: '~0.1.0',
    });
    expect(parsePin('@ferry/connector-github@0.2.0').range).toBe('0.2.0');
    expect(() =>
      parsePin('@ferry/connector-github@latest', {
        file: 'ferry.yaml',
        path: '$.connections.gh.connector',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'FERRY_CONNECTOR_PIN_INVALID',
        file: 'ferry.yaml',
        path: '$.connections.gh.connector',
      }),
    );
  });
});

describe('classifySpec', () => {
  it('tells registry specs, folders and tarballs apart', async () => {
    const cwd = await tempDir();
    await mkdir(join(cwd, 'pkg'));
    await writeFile(join(cwd, 'pkg.tgz'), '');
    expect(await classifySpec('@ferry/connector-github@^1', cwd)).toEqual({
      type: 'registry',
      spec: '@ferry/connector-github@^1',
      name: '@ferry/connector-github',
      range: '^1',
    });
    expect(await classifySpec('@ferry/connector-github', cwd)).toMatchObject({
      type: 'registry',
      spec: '@ferry/connector-github@latest',
    });
    expect(await classifySpec('./pkg', cwd)).toEqual({
      type: 'folder',
      spec: './pkg',
      path: join(cwd, 'pkg'),
    });
    expect(await classifySpec(`file:${join(cwd, 'pkg')}`, '/')).toMatchObject({ type: 'folder' });
    expect(await classifySpec('pkg.tgz', cwd)).toEqual({
      type: 'tarball',
      spec: 'pkg.tgz',
      path: join(cwd, 'pkg.tgz'),
    });
  });

  it('reports a path that does not exist and a spec that is nothing', async () => {
    const cwd = await tempDir();
    await expect(classifySpec('./missing', cwd)).rejects.toMatchObject({
      code: 'FERRY_INSTALL_SPEC_INVALID',
      file: join(cwd, 'missing'),
    });
    await expect(classifySpec('Not A Package', cwd)).rejects.toMatchObject({
      code: 'FERRY_INSTALL_SPEC_INVALID',
      message: expect.stringContaining('is not an npm name@range'),
    });
    await expect(classifySpec('x@^^1', cwd)).rejects.toMatchObject({
      code: 'FERRY_INSTALL_SPEC_INVALID',
    });
  });
});
