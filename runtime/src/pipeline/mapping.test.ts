import type { CompiledCanonical } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { compileRecipeMapping } from './mapping.ts';

const where = { file: 'ferry.yaml', path: '$.recipes.r.mapping' };

/** A canonical mapping that renames one field: `email` <-> the stream's own name for it. */
function canonical(entity: string, field: string): CompiledCanonical {
  return {
    entity,
    fields: ['email'],
    toCanonical: async (record) => ({ email: record[field] as string }),
    fromCanonical: async (value) => ({ [field]: value.email as string }),
  };
}

const record: JsonObject = { mail: 'a@b.example', name: 'Ann' };

describe('compileRecipeMapping', () => {
  it('keeps plain-path mappings synchronous when the streams share no canonical entity', () => {
    for (const ends of [
      { source: undefined, destination: undefined },
      { source: canonical('Customer', 'mail'), destination: undefined },
      { source: canonical('Customer', 'mail'), destination: canonical('Contact', 'email') },
    ]) {
      const map = compileRecipeMapping({ email: 'mail' }, where, ends);
      expect(map(record)).toEqual({ email: 'a@b.example' });
    }
    const pass = compileRecipeMapping(undefined, where, {
      source: undefined,
      destination: undefined,
    });
    expect(pass(record)).toBe(record);
  });

  it('goes through the shared entity, overrides replacing or removing single fields', async () => {
    const ends = {
      source: canonical('Contact', 'mail'),
      destination: canonical('Contact', 'email_address'),
    };
    expect(await compileRecipeMapping(undefined, where, ends)(record)).toEqual({
      email_address: 'a@b.example',
    });
    const overridden = compileRecipeMapping(
      {
        email_address: '$uppercase(entity.email)',
        label: 'record.name',
        nick: 'name',
        gone: 'nothing',
      },
      where,
      ends,
    );
    expect(await overridden(record)).toEqual({
      email_address: 'A@B.EXAMPLE',
      label: 'Ann',
      nick: 'Ann',
    });
    const removed = compileRecipeMapping({ email_address: 'record.missing' }, where, ends);
    expect(await removed(record)).toEqual({});
  });

  it('reports an override that does not parse at its ferry.yaml path', () => {
    const ends = { source: canonical('Contact', 'mail'), destination: canonical('Contact', 'e') };
    expect(() => compileRecipeMapping({ e: '$uppercase(' }, where, ends)).toThrow(
      expect.objectContaining({ code: 'FERRY_EXPRESSION_SYNTAX', path: '$.recipes.r.mapping.e' }),
    );
  });
});
