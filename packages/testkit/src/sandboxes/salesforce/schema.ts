/**
 * The sObjects the Salesforce sandbox knows, with the field types that matter to SOQL filters
 * and to upsert validation. Field names are case-insensitive in SOQL and in request bodies, as in
 * Salesforce; records are stored and returned under the canonical names below.
 *
 * Field types and audit fields: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
 * (Id, IsDeleted, CreatedDate, LastModifiedDate, SystemModstamp are read-only system fields).
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'reference'
  | 'datetime'
  | 'date'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'boolean';

/** How a field's values compare and which SOQL literals they accept. */
export type ValueKind = 'text' | 'datetime' | 'date' | 'number' | 'boolean';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** The label Salesforce uses in validation messages ("Account Name: data value too large"). */
  label: string;
  /** Required on create and may not be emptied on update (REQUIRED_FIELD_MISSING). */
  required?: boolean;
  /** System fields: an upsert that sets them fails (INVALID_FIELD_FOR_INSERT_UPDATE). */
  readonly?: boolean;
  /** Usable as the external id of an upsert (matched case-insensitively). */
  externalId?: boolean;
  /** Maximum length of text values (STRING_TOO_LONG). */
  length?: number;
  /** For references: the sObject the id points at. */
  references?: string;
}

export interface SObjectDef {
  name: string;
  /** The 3-character key prefix of its record ids. */
  prefix: string;
  fields: FieldDef[];
}

export function kindOf(type: FieldType): ValueKind {
  switch (type) {
    case 'datetime':
    case 'date':
    case 'boolean':
      return type;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return 'number';
    default:
      return 'text';
  }
}

const system: FieldDef[] = [
  { name: 'Id', type: 'id', label: 'Record ID', readonly: true },
  { name: 'IsDeleted', type: 'boolean', label: 'Deleted', readonly: true },
  { name: 'CreatedDate', type: 'datetime', label: 'Created Date', readonly: true },
  { name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date', readonly: true },
  { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', readonly: true },
];

const text = (name: string, label: string, length = 255): FieldDef => ({
  name,
  type: 'string',
  label,
  length,
});

export const SOBJECTS: SObjectDef[] = [
  {
    name: 'Account',
    prefix: '001',
    fields: [
      ...system,
      { ...text('Name', 'Account Name'), required: true },
      { ...text('External_Id__c', 'External Id', 80), externalId: true },
      { name: 'Industry', type: 'picklist', label: 'Industry' },
      { name: 'Type', type: 'picklist', label: 'Account Type' },
      text('BillingCity', 'Billing City', 40),
      text('BillingCountry', 'Billing Country', 80),
      { name: 'Phone', type: 'phone', label: 'Account Phone', length: 40 },
      { name: 'Website', type: 'url', label: 'Website', length: 255 },
      { name: 'AnnualRevenue', type: 'currency', label: 'Annual Revenue' },
      { name: 'NumberOfEmployees', type: 'int', label: 'Employees' },
      { name: 'Description', type: 'textarea', label: 'Account Description', length: 32000 },
    ],
  },
  {
    name: 'Contact',
    prefix: '003',
    fields: [
      ...system,
      { name: 'AccountId', type: 'reference', label: 'Account ID', references: 'Account' },
      { ...text('External_Id__c', 'External Id', 80), externalId: true },
      text('FirstName', 'First Name', 40),
      { ...text('LastName', 'Last Name', 80), required: true },
      { name: 'Email', type: 'email', label: 'Email', length: 80 },
      { name: 'Phone', type: 'phone', label: 'Business Phone', length: 40 },
      text('Title', 'Title', 128),
      { name: 'Birthdate', type: 'date', label: 'Birthdate' },
    ],
  },
  {
    name: 'Opportunity',
    prefix: '006',
    fields: [
      ...system,
      { name: 'AccountId', type: 'reference', label: 'Account ID', references: 'Account' },
      { ...text('Name', 'Name', 120), required: true },
      { name: 'StageName', type: 'picklist', label: 'Stage', required: true },
      { name: 'Amount', type: 'currency', label: 'Amount' },
      { name: 'Probability', type: 'percent', label: 'Probability (%)' },
      { name: 'CloseDate', type: 'date', label: 'Close Date', required: true },
      { name: 'IsClosed', type: 'boolean', label: 'Closed' },
      { name: 'IsWon', type: 'boolean', label: 'Won' },
    ],
  },
  {
    name: 'Product2',
    prefix: '01t',
    fields: [
      ...system,
      { ...text('Name', 'Product Name'), required: true },
      text('ProductCode', 'Product Code'),
      { name: 'Family', type: 'picklist', label: 'Product Family' },
      { name: 'IsActive', type: 'boolean', label: 'Active' },
      { name: 'Description', type: 'textarea', label: 'Product Description', length: 4000 },
    ],
  },
];

/** The sObject named (case-insensitively), or undefined. */
export function findSObject(name: string): SObjectDef | undefined {
  const lower = name.toLowerCase();
  return SOBJECTS.find((o) => o.name.toLowerCase() === lower);
}

/** A field of an sObject named (case-insensitively), or undefined. */
export function findField(object: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}
