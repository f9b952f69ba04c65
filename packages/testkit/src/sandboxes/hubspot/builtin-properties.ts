// Built-in properties of each object type (abridged from HubSpot's default properties), plus
// the custom ones of the CRM<->ERP demo. Sources: the default-properties table of
// https://developers.hubspot.com/docs/api-reference/search/guide and
// https://developers.hubspot.com/docs/guides/crm/using-object-apis
import type { HubspotObjectType, HubspotProperty } from './types.ts';

const text = (...names: string[]): HubspotProperty[] =>
  names.map((name) => ({ name, type: 'string' }));
const number = (...names: string[]): HubspotProperty[] =>
  names.map((name) => ({ name, type: 'number' }));

/** Read-only properties every type has; the modification date differs by type. */
export function system(type: HubspotObjectType): HubspotProperty[] {
  return [
    { name: 'hs_object_id', type: 'number', readOnly: true },
    { name: 'createdate', type: 'datetime', readOnly: true },
    { name: modifiedProperty(type), type: 'datetime', readOnly: true },
  ];
}

export const DEAL_STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
];

/**
 * Built-in properties, plus the custom ones of the CRM<->ERP demo (credit_limit, erp_*,
 * stock_quantity, contact_email, and a single-product deal's product_sku and quantity). A deal names its contact by `contact_email` (a custom
 * property) rather than through the associations API, which the sandbox does not serve.
 */
export const BUILT_IN: Record<HubspotObjectType, HubspotProperty[]> = {
  contacts: [
    { name: 'email', type: 'string', unique: true },
    ...text(
      'firstname',
      'lastname',
      'phone',
      'company',
      'jobtitle',
      'address',
      'city',
      'zip',
      'state',
      'country',
    ),
    {
      name: 'lifecyclestage',
      type: 'enumeration',
      options: [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ],
    },
    ...number('credit_limit'),
    ...text('erp_customer_id'),
  ],
  companies: [
    ...text('name', 'domain', 'city', 'country', 'industry', 'phone'),
    ...number('numberofemployees', 'annualrevenue'),
  ],
  deals: [
    ...text('dealname', 'pipeline'),
    { name: 'dealstage', type: 'enumeration', options: DEAL_STAGES },
    ...number('amount'),
    { name: 'closedate', type: 'datetime' },
    ...text(
      'erp_order_id',
      'erp_order_status',
      'erp_invoice_status',
      'contact_email',
      'product_sku',
    ),
    ...number('quantity'),
  ],
  products: [
    ...text('name', 'description'),
    ...number('price', 'stock_quantity'),
    { name: 'hs_sku', type: 'string', unique: true },
    ...text('erp_product_id'),
  ],
};

/** What HubSpot returns when a request names no properties. */
export const DEFAULTS: Record<HubspotObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email'],
  companies: ['name', 'domain'],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage'],
  products: ['name', 'description', 'price'],
};

/** The modification date: `lastmodifieddate` on contacts, `hs_lastmodifieddate` elsewhere. */
export function modifiedProperty(type: HubspotObjectType): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}
