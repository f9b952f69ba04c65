import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, outputName, placeholdersIn } from './placeholders.ts';
import { connectorLayers, templatesRoot } from './templates.ts';
import { templateFiles } from './write-template.ts';

describe('template placeholders', () => {
  const values = { TITLE: 'Acme "CRM": v2\\x', PACKAGE: '@acme/crm' };

  it('fills values as they are in code and text, escaped inside JSON and YAML strings', () => {
    expect(fillPlaceholders('# __TITLE__ (__PACKAGE__)', 'README.md', values)).toBe(
      '# Acme "CRM": v2\\x (@acme/crm)',
    );
    const json = fillPlaceholders('{ "title": "__TITLE__" }', 'package.json', values);
    expect(JSON.parse(json)).toEqual({ title: 'Acme "CRM": v2\\x' });
    expect(fillPlaceholders('title: "__TITLE__"', 'connector.yaml', values)).toBe(
      'title: "Acme \\"CRM\\": v2\\\\x"',
    );
  });

  it("leaves Ferry's {{ }} templates and lower-case dunder names alone, and refuses unknown placeholders", () => {
    expect(fillPlaceholders('"{{ config.token }}" __dirname', 'a.yaml', values)).toBe(
      '"{{ config.token }}" __dirname',
    );
    expect(() => fillPlaceholders('__NOPE__', 'a.ts', values)).toThrow(
      'a.ts: unknown template placeholder __NOPE__',
    );
  });

  it('names output files without .tmpl, and _gitignore as .gitignore', () => {
    expect(outputName('package.json.tmpl')).toBe('package.json');
    expect(outputName('connector.yaml')).toBe('connector.yaml');
    expect(outputName('_gitignore')).toBe('.gitignore');
  });

  it('are, in every template, only those that ferry new fills', async () => {
    const root = await templatesRoot();
    const used = async (roots: string[]) => {
      const names = new Set<string>();
      for (const file of await templateFiles(roots))
        for (const name of placeholdersIn(await readFile(file.source, 'utf8'))) names.add(name);
      return [...names].sort();
    };
    const connector = ['DESCRIPTION', 'MANIFEST_SCHEMA', 'NAME', 'PACKAGE', 'TITLE'];
    for (const template of ['declarative', 'code', 'destination'] as const) {
      const names = await used(connectorLayers(template).map((layer) => join(root, layer)));
      expect(connector).toEqual(expect.arrayContaining(names));
    }
    expect(await used([join(root, 'project')])).toEqual(['NAME', 'PROJECT_SCHEMA']);
  });
});
