import { describe, expect, it } from 'vitest';
import { SalesforceFault } from '../errors.ts';
import { findSObject, type SObjectDef } from '../schema.ts';
import { RecordStore } from '../store.ts';
import { bindQuery } from './bind.ts';
import { runQuery } from './evaluate.ts';
import { parseSoql } from './parser.ts';

const Account = findSObject('Account') as SObjectDef;

function accounts() {
  const store = new RecordStore(() => Date.UTC(2024, 5, 1));
  const at = (minute: number) => ({ created: 0, modified: Date.UTC(2024, 0, 1, 0, minute) });
  store.insert(Account, { Name: 'Acme', Industry: 'Tech', AnnualRevenue: 10 }, at(1));
  store.insert(Account, { Name: "O'Reilly", Industry: null, AnnualRevenue: 30 }, at(2));
  store.insert(Account, { Name: '50% Off', Industry: 'Retail', AnnualRevenue: null }, at(2));
  store.insert(Account, { Name: 'acme labs', Industry: 'Tech', AnnualRevenue: 20 }, at(3));
  return store;
}

/** The names a query selects from the four accounts. */
function names(soql: string): unknown[] {
  const bound = bindQuery(soql, parseSoql(soql));
  return runQuery(bound, accounts().list(Account)).map((r) => r.Name);
}

/** The Salesforce error a query fails with. */
function failure(soql: string): { errorCode: string; message: string } {
  try {
    bindQuery(soql, parseSoql(soql));
  } catch (error) {
    if (error instanceof SalesforceFault)
      return { errorCode: error.errorCode, message: error.message };
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

describe('SOQL in the Salesforce sandbox', () => {
  it('filters on unquoted datetime literals, in UTC or with an offset', () => {
    expect(names('SELECT Name FROM Account WHERE SystemModstamp >= 2024-01-01T00:02:00Z')).toEqual([
      "O'Reilly",
      '50% Off',
      'acme labs',
    ]);
    expect(
      names('select name from account where systemmodstamp > 2024-01-01T01:02:00+01:00'),
    ).toEqual(['acme labs']);
  });

  it('compares text ignoring case, unescapes quotes, and matches LIKE patterns', () => {
    expect(names("SELECT Name FROM Account WHERE Name = 'ACME'")).toEqual(['Acme']);
    expect(names("SELECT Name FROM Account WHERE Name = 'O\\'Reilly'")).toEqual(["O'Reilly"]);
    expect(names("SELECT Name FROM Account WHERE Name LIKE 'acme%'")).toEqual([
      'Acme',
      'acme labs',
    ]);
    expect(names("SELECT Name FROM Account WHERE Name LIKE '50\\% %'")).toEqual(['50% Off']);
    expect(names("SELECT Name FROM Account WHERE Name LIKE '\\u0041CME'")).toEqual(['Acme']);
    expect(names("SELECT Name FROM Account WHERE Name LIKE 'acme\\_labs'")).toEqual([]);
    // \% and \_ are escapes of LIKE only
    expect(failure("SELECT Name FROM Account WHERE Name = '50\\% Off'").errorCode).toBe(
      'MALFORMED_QUERY',
    );
  });

  it('handles AND, OR with parentheses, NOT, IN and null', () => {
    expect(
      names("SELECT Name FROM Account WHERE Industry = 'Tech' AND AnnualRevenue > 15"),
    ).toEqual(['acme labs']);
    expect(
      names(
        "SELECT Name FROM Account WHERE (Industry = null OR Industry = 'Retail') AND Name != 'x'",
      ),
    ).toEqual(["O'Reilly", '50% Off']);
    expect(names("SELECT Name FROM Account WHERE Industry NOT IN ('Tech')")).toEqual([
      "O'Reilly",
      '50% Off',
    ]);
    // SOQL has no unknown truth value: a null field fails `< 15`, so NOT makes it pass (and
    // `!=` matches nulls)
    expect(names('SELECT Name FROM Account WHERE NOT AnnualRevenue < 15')).toEqual([
      "O'Reilly",
      '50% Off',
      'acme labs',
    ]);
    expect(names("SELECT Name FROM Account WHERE Industry != 'Tech'")).toEqual([
      "O'Reilly",
      '50% Off',
    ]);
  });

  it('sorts with nulls first ascending and last descending, then offsets and limits', () => {
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue')).toEqual([
      '50% Off',
      'Acme',
      'acme labs',
      "O'Reilly",
    ]);
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue DESC LIMIT 2 OFFSET 1')).toEqual([
      'acme labs',
      'Acme',
    ]);
    expect(
      names('SELECT Name FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST LIMIT 1'),
    ).toEqual(['50% Off']);
    expect(
      names('SELECT Name FROM Account ORDER BY SystemModstamp DESC, Name ASC LIMIT 2'),
    ).toEqual(['acme labs', '50% Off']);
  });

  it('refuses a quoted datetime, a datetime with fractions and a string compared to a number', () => {
    expect(failure("SELECT Id FROM Account WHERE SystemModstamp > '2024-01-01T00:00:00Z'")).toEqual(
      {
        errorCode: 'INVALID_FIELD',
        message:
          "value of filter criterion for field 'SystemModstamp' must be of type dateTime and should not be enclosed in quotes",
      },
    );
    expect(
      failure('SELECT Id FROM Account WHERE SystemModstamp > 2024-01-01T00:00:00.000Z').errorCode,
    ).toBe('MALFORMED_QUERY');
    expect(failure('SELECT Id FROM Account WHERE Name = 5').message).toContain(
      'should be enclosed in quotes',
    );
    expect(failure("SELECT Id FROM Account WHERE Id = 'abc'")).toEqual({
      errorCode: 'INVALID_QUERY_FILTER_OPERATOR',
      message: 'invalid ID field: abc',
    });
  });

  it('answers MALFORMED_QUERY with a caret for syntax errors, including AND and OR mixed', () => {
    expect(failure('SELECT Id FROMM Account')).toEqual({
      errorCode: 'MALFORMED_QUERY',
      message:
        '\nSELECT Id FROMM Account\n          ^\nERROR at Row:1:Column:11\nunexpected token: FROMM',
    });
    expect(
      failure("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'").message,
    ).toContain('unexpected token: OR');
    expect(failure("SELECT Id FROM Account WHERE Name = 'open").errorCode).toBe('MALFORMED_QUERY');
    expect(failure('SELECT Id FROM Account LIMIT').errorCode).toBe('MALFORMED_QUERY');
  });

  it('names unknown objects and fields, and refuses filtering on long text areas', () => {
    expect(failure('SELECT Id FROM Acount')).toMatchObject({
      errorCode: 'INVALID_TYPE',
      message: expect.stringContaining("sObject type 'Acount' is not supported."),
    });
    expect(failure('SELECT Id, Nme FROM Account')).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: expect.stringContaining("No such column 'Nme' on entity 'Account'"),
    });
    expect(failure("SELECT Id FROM Account WHERE Description = 'x'").message).toContain(
      "field 'Description' can not be filtered in a query call",
    );
  });
});
