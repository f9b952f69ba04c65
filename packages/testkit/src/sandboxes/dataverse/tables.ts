/**
 * The tables the Dataverse sandbox serves, as the Web API describes them in $metadata: entity
 * set name, logical name, primary key, alternate keys and column types.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
 * - https://learn.microsoft.com/power-apps/developer/data-platform/use-alternate-key-reference-record
 */

/** Edm types of the columns the sandbox models. */
export type ColumnType = 'guid' | 'string' | 'datetime' | 'integer' | 'decimal';

/** A cell value as the Web API returns it: datetimes are ISO strings in UTC without ms. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface TableDef {
  /** The entity set name in URLs: `accounts`. */
  set: string;
  /** The logical (entity type) name: `account`, used in messages and `Microsoft.Dynamics.CRM.account`. */
  logicalName: string;
  primaryKey: string;
  /** Alternate keys, each a list of columns (Dataverse allows several columns per key). */
  alternateKeys: string[][];
  columns: Record<string, ColumnType>;
}

/** Columns the platform sets itself; a write that names them is ignored for them (unverified). */
export const SYSTEM_COLUMNS = ['createdon', 'modifiedon', 'versionnumber'] as const;

const system: Record<string, ColumnType> = {
  createdon: 'datetime',
  modifiedon: 'datetime',
  versionnumber: 'integer',
};

export const TABLES: Record<string, TableDef> = {
  accounts: {
    set: 'accounts',
    logicalName: 'account',
    primaryKey: 'accountid',
    alternateKeys: [['accountnumber']],
    columns: {
      accountid: 'guid',
      name: 'string',
      accountnumber: 'string',
      emailaddress1: 'string',
      telephone1: 'string',
      address1_city: 'string',
      revenue: 'decimal',
      statecode: 'integer',
      ...system,
    },
  },
  contacts: {
    set: 'contacts',
    logicalName: 'contact',
    primaryKey: 'contactid',
    alternateKeys: [],
    columns: {
      contactid: 'guid',
      firstname: 'string',
      lastname: 'string',
      fullname: 'string',
      emailaddress1: 'string',
      telephone1: 'string',
      address1_city: 'string',
      _parentcustomerid_value: 'guid',
      statecode: 'integer',
      ...system,
    },
  },
};

/** The OData type name used in error messages: `Microsoft.Dynamics.CRM.account`. */
export const typeName = (table: TableDef) => `Microsoft.Dynamics.CRM.${table.logicalName}`;

/** `2024-03-01T09:04:05Z`: how the Web API writes datetimes (UTC, whole seconds). */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
