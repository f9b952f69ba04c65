import { describe, expect, it } from 'vitest';
import { connectorName, suggestName, titleOf } from './names.ts';

describe('connector names', () => {
  it('makes a short name a Ferry package inside the repository and a ferry-connector-* one elsewhere', () => {
    expect(connectorName('acme-crm', true)).toEqual({
      short: 'acme-crm',
      packageName: '@ferry/connector-acme-crm',
    });
    expect(connectorName('acme-crm', false)).toEqual({
      short: 'acme-crm',
      packageName: 'ferry-connector-acme-crm',
    });
  });

  it('uses a full npm name as it is, with a short name for its folder', () => {
    expect(connectorName('@acme/ferry-connector-crm', false)).toEqual({
      short: 'crm',
      packageName: '@acme/ferry-connector-crm',
    });
    expect(connectorName('@acme/crm', true)).toEqual({ short: 'crm', packageName: '@acme/crm' });
    expect(connectorName('ferry-connector-billing', true)).toEqual({
      short: 'billing',
      packageName: 'ferry-connector-billing',
    });
    expect(connectorName('@acme/ferry.crm', false)).toEqual({
      short: 'ferry.crm',
      packageName: '@acme/ferry.crm',
    });
  });

  it.each([
    ['Acme_CRM', 'acme-crm'],
    ['AcmeCRM', 'acme-crm'],
    ['1password', 'password'],
    ['acme crm', 'acme-crm'],
    ['acme--crm', 'acme-crm'],
    ['-acme', 'acme'],
    ['@Acme/CRM', 'crm'],
    ['ferry-connector-Acme', 'acme'],
    ['@acme', 'acme'],
  ])(
    'rejects %s with a coded error that explains the rule and suggests %s',
    (input, suggestion) => {
      expect(() => connectorName(input, false)).toThrow(
        expect.objectContaining({
          code: 'FERRY_NEW_INVALID_NAME',
          message: expect.stringContaining(`'${input}' is not a valid connector name`),
          hint: expect.stringContaining(
            `Try '${suggestion}' (lowercase letters, digits and hyphens`,
          ),
        }),
      );
    },
  );

  it('passes on what npm refuses, such as a name longer than 214 characters', () => {
    expect(() => connectorName(`a${'b'.repeat(220)}`, false)).toThrow(
      /npm refuses the package name ferry-connector-abbb.*214 characters/,
    );
  });

  it('suggests a fallback when nothing usable is left', () => {
    expect(suggestName('123')).toBe('my-connector');
    expect(suggestName('Über API')).toBe('ber-api');
  });

  it('makes a title from a short name', () => {
    expect(titleOf('acme-crm')).toBe('Acme Crm');
    expect(titleOf('billing')).toBe('Billing');
  });
});
