import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
import { compileTemplate } from './template.ts';

describe('expressions and templates', () => {
  it('compiles simple paths to property access that evaluates synchronously', () => {
    const path = compileExpression('record.`first-name`');
    expect(path.isPath).toBe(true);
    expect(path.evaluate({ record: { 'first-name': 'Ada' } })).toBe('Ada');
    expect(path.evaluate({})).toBeUndefined();
  });

  it('keeps types when a template is one expression, and makes strings otherwise', async () => {
    const ctx = { config: { pageSize: 50, tags: ['a', 'b'], on: true } };
    expect(await compileTemplate('{{ config.pageSize }}').render(ctx)).toBe(50);
    expect(await compileTemplate('{{ config.pageSize * 2 }}').render(ctx)).toBe(100);
    expect(await compileTemplate('{{ config.tags }}').render(ctx)).toEqual(['a', 'b']);
    expect(await compileTemplate('{{ config.on }}').render(ctx)).toBe(true);
    expect(await compileTemplate('/v1/{{ config.pageSize }}/x').render(ctx)).toBe('/v1/50/x');
    expect(await compileTemplate('{{ {"inputs": config.tags.{"id": $} } }}').render(ctx)).toEqual({
      inputs: [{ id: 'a' }, { id: 'b' }],
    });
    expect(compileTemplate('plain').constant).toBe(true);
  });

  it('runs no arbitrary code and reports syntax errors with a code and the manifest path', () => {
    expect(() =>
      compileTemplate('{{ config. }}', { file: 'c.yaml', path: '$.http.baseUrl' }),
    ).toThrow(
      expect.objectContaining({
        code: 'FERRY_EXPRESSION_SYNTAX',
        file: 'c.yaml',
        path: '$.http.baseUrl',
      }),
    );
    expect(() => compileTemplate('{{ config.x ')).toThrow(
      expect.objectContaining({ code: 'FERRY_EXPRESSION_SYNTAX' }),
    );
  });

  it('maps a path over arrays the way JSONata does', async () => {
    const names = compileExpression('records.name');
    expect(await names.evaluate({ records: [{ name: 'a' }, { name: 'b' }] })).toEqual(['a', 'b']);
  });
});
