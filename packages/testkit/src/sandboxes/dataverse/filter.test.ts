import { describe, expect, it } from 'vitest';
import { compileFilter } from './filter.ts';
import { ODataError } from './odata.ts';
import { type Row, TABLES } from './tables.ts';

const accounts = TABLES.accounts as NonNullable<typeof TABLES.accounts>;
const rows: Row[] = [
  {
    accountid: 'a',
    name: "O'Brien & Partners",
    accountnumber: 'ACC-1',
    revenue: 10,
    modifiedon: '2024-06-01T08:00:00Z',
  },
  {
    accountid: 'b',
    name: 'Contoso Ltd',
    accountnumber: null,
    revenue: null,
    modifiedon: '2024-06-01T09:00:00Z',
  },
  {
    accountid: 'c',
    name: 'contoso ltd',
    accountnumber: 'ACC-3',
    revenue: 30.5,
    modifiedon: '2024-06-02T00:00:00Z',
  },
];
const ids = (filter: string) =>
  rows.filter(compileFilter(filter, accounts)).map((r) => r.accountid);
const refusal = (filter: string) => {
  try {
    compileFilter(filter, accounts);
  } catch (error) {
    if (error instanceof ODataError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error(`${filter} was accepted`);
};

describe('Dataverse sandbox: $filter', () => {
  it('compares unquoted ISO datetimes as instants', () => {
    expect(ids('modifiedon ge 2024-06-01T09:00:00Z')).toEqual(['b', 'c']);
    expect(ids('modifiedon gt 2024-06-01T10:00:00+01:00')).toEqual(['c']);
    expect(ids('modifiedon lt 2024-06-01T09:00:00Z')).toEqual(['a']);
    expect(ids('modifiedon le 2024-06-01T09:00:00Z')).toEqual(['a', 'b']);
  });

  it("reads quoted strings with '' as a quote, and compares them case-insensitively", () => {
    expect(ids("name eq 'O''Brien & Partners'")).toEqual(['a']);
    expect(ids("name eq 'CONTOSO LTD'")).toEqual(['b', 'c']);
    expect(ids("name ne 'contoso ltd'")).toEqual(['a']);
    expect(
      ids("contains(name,'brien') or startswith(name, 'CONT') and endswith(name,'LTD')"),
    ).toEqual(['a', 'b', 'c']);
  });

  it('combines and, or, not and parentheses with SQL null semantics', () => {
    expect(ids("(revenue gt 5 and revenue lt 20) or accountnumber eq 'ACC-3'")).toEqual(['a', 'c']);
    expect(ids('accountnumber eq null')).toEqual(['b']);
    expect(ids('accountnumber ne null')).toEqual(['a', 'c']);
    expect(ids('not (revenue ge 10)')).toEqual(['b']);
    expect(ids('revenue ge 10.5')).toEqual(['c']);
  });

  it('refuses a quoted datetime, as the Web API does (incompatible operand types)', () => {
    expect(refusal("modifiedon ge '2024-06-01T00:00:00Z'")).toEqual({
      status: 400,
      message:
        "A binary operator with incompatible types was detected. Found operand types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThanOrEqual'.",
    });
    expect(refusal('name eq 5').message).toContain("'Edm.String' and 'Edm.Int32'");
  });

  it('refuses unknown columns and broken syntax', () => {
    expect(refusal("nickname eq 'x'").message).toBe(
      "Could not find a property named 'nickname' on type 'Microsoft.Dynamics.CRM.account'.",
    );
    expect(refusal("name eq 'open").message).toBe("Syntax error at position 8 in 'name eq 'open'.");
    expect(refusal('name eq').status).toBe(400);
    expect(refusal("(name eq 'x'").status).toBe(400);
    expect(refusal("name eq 'x' extra").status).toBe(400);
  });
});
