import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../../test-cli.ts';
import { folderOutside } from './test-folders.ts';

describe('ferry new project', () => {
  it('writes a valid ferry.yaml named after its folder, and a .gitignore for .ferry/', async () => {
    const cwd = await folderOutside();
    const result = await runFerry(['new', 'project', 'crm-sync'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^created crm-sync\/ferry\.yaml\n\nnext steps:\n {2}cd crm-sync\n/,
    );
    const text = await readFile(join(cwd, 'crm-sync/ferry.yaml'), 'utf8');
    expect(text).toContain('\nversion: 1\nname: "crm-sync"\n');
    expect(await readFile(join(cwd, 'crm-sync/.gitignore'), 'utf8')).toContain('\n.ferry/\n');
    const validate = await runFerry(['validate', 'crm-sync/ferry.yaml'], { cwd });
    expect(validate.stdout).toContain('crm-sync/ferry.yaml is a valid project file');
    expect(validate.code).toBe(0);
  });

  it('writes into the current folder by default, keeping its files and its .gitignore', async () => {
    const cwd = await folderOutside();
    await writeFile(join(cwd, '.gitignore'), 'node_modules/\n');
    const result = await runFerry(['new', 'project', '--name', 'Ops: "east"'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'note: keep .ferry/ (the store and the secret key) out of version control',
    );
    expect(result.stdout).not.toContain('  cd ');
    expect(await readFile(join(cwd, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    expect(await readFile(join(cwd, 'ferry.yaml'), 'utf8')).toContain('name: "Ops: \\"east\\""');
    expect((await runFerry(['validate', 'ferry.yaml'], { cwd })).code).toBe(0);
    expect(basename(cwd)).toMatch(/^ferry-new-/);
  });

  it('refuses to replace an existing ferry.yaml (exit 1, coded), unless --force', async () => {
    const cwd = await folderOutside();
    await writeFile(join(cwd, 'ferry.yaml'), 'version: 1\nname: mine\n');
    const refused = await runFerry(['new', 'project', '.'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^FERRY_NEW_TARGET_EXISTS .*ferry\.yaml: ferry\.yaml already exists\n {4}fix: /,
    );
    expect(await readFile(join(cwd, 'ferry.yaml'), 'utf8')).toBe('version: 1\nname: mine\n');
    const forced = await runFerry(['new', 'project', '.', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(await readFile(join(cwd, 'ferry.yaml'), 'utf8')).toContain('# recipes:');
  });

  it('has commented examples that are a valid project once uncommented (but for installing the connectors)', async () => {
    const cwd = await folderOutside();
    expect((await runFerry(['new', 'project', '.', '--name', 'demo'], { cwd })).code).toBe(0);
    const text = await readFile(join(cwd, 'ferry.yaml'), 'utf8');
    const examples = text.slice(text.indexOf('# connections:'));
    const uncommented = examples.replace(/^# ?/gm, '');
    await writeFile(join(cwd, 'ferry.yaml'), `version: 1\n${uncommented}`);
    // Valid as a project; what is left is installing the connectors it names.
    const validate = await runFerry(['validate', 'ferry.yaml', '--json'], { cwd });
    const report = JSON.parse(validate.stdout) as { issues: { code: string; path: string }[] };
    expect(report.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
      '$.connections.crm.connector FERRY_CONNECTOR_NOT_INSTALLED',
      '$.connections.warehouse.connector FERRY_CONNECTOR_NOT_INSTALLED',
    ]);
    expect(uncommented).toContain('contacts-to-warehouse:');
  });
});
