// Generated from schemas/canonical/*.schema.json by scripts/generate-types.ts. Do not edit: run `npm run generate -w @ferry/manifest`.

/**
 * A record of any entity of the canonical dictionary.
 */
export type CanonicalRecord = Customer | Contact | Product | SalesOrder | Invoice;

/**
 * A customer: a company or a person a business sells to (a CRM account or company, an ERP partner). Only `name` is required: no system creates a customer without one. Optional fields are absent when the source does not know them and null when it knows they are empty.
 */
export interface Customer {
  /**
   * An identifier of the customer that two systems share (an ERP customer number kept in a CRM field); what CustomerRef.externalId matches. Not the system's own record id.
   */
  externalId?: string | null;
  /**
   * The display name: a company's legal or trading name, or a person's full name.
   */
  name: string;
  /**
   * The main email address.
   */
  email?: string | null;
  /**
   * The main phone number as the system writes it (E.164, '+33 1 23 45 67 89', preferred).
   */
  phone?: string | null;
  /**
   * The website as the system writes it, e.g. 'https://acme.com' or 'www.acme.com'.
   */
  website?: string | null;
  /**
   * The web domain in lower case without scheme, 'www.' or path, e.g. 'acme.com'; what CustomerRef.domain matches.
   */
  domain?: string | null;
  billingAddress?: Address;
  shippingAddress?: Address;
  /**
   * The most the customer may owe, in `currency`.
   */
  creditLimit?: number | null;
  /**
   * The customer's currency (of creditLimit) as an ISO 4217 code in upper case, e.g. 'EUR'.
   */
  currency?: string | null;
  /**
   * The VAT or tax identification number, with its country prefix where it has one (e.g. 'FR40303265045').
   */
  vatNumber?: string | null;
  /**
   * True for a company, false for a person.
   */
  isCompany?: boolean | null;
  /**
   * When the customer last changed in the system it was read from (RFC 3339 date-time, UTC preferred).
   */
  updatedAt?: string | null;
}
/**
 * A postal address. Every part is optional, since systems hold addresses in different detail; a part that is null is known to be empty.
 */
export interface Address {
  /**
   * The first street line: number and street, or a PO box.
   */
  street?: string | null;
  /**
   * The second street line: building, floor, suite.
   */
  street2?: string | null;
  /**
   * The city or locality.
   */
  city?: string | null;
  /**
   * The postal or ZIP code, as text (leading zeros matter).
   */
  postalCode?: string | null;
  /**
   * The state, province or region, as the system writes it (a name or a code).
   */
  region?: string | null;
  /**
   * The country as an ISO 3166-1 alpha-2 code in upper case, e.g. 'FR'.
   */
  country?: string | null;
}
/**
 * A person at a customer (a CRM contact, an ERP partner's child contact). Nothing is required: CRMs disagree on what identifies a person (an email in one, a last name in another), so a destination that needs a field rejects the record itself. Optional fields are absent when the source does not know them and null when it knows they are empty.
 */
export interface Contact {
  /**
   * The given name.
   */
  firstName?: string | null;
  /**
   * The family name.
   */
  lastName?: string | null;
  /**
   * The email address; the usual key to match a contact across systems.
   */
  email?: string | null;
  /**
   * The phone number as the system writes it (E.164 preferred).
   */
  phone?: string | null;
  /**
   * The job title or function, e.g. 'Head of Purchasing'.
   */
  jobTitle?: string | null;
  customer?: CustomerRef;
  /**
   * When the contact last changed in the system it was read from (RFC 3339 date-time).
   */
  updatedAt?: string | null;
}
/**
 * A customer named by what two systems can share, since their own ids differ: an external id, an email, a web domain, or at worst a name. A destination resolves it to its own record; give every key the source knows.
 */
export interface CustomerRef {
  /**
   * The customer's externalId (Customer.externalId): an identifier both systems hold.
   */
  externalId?: string | null;
  /**
   * The customer's email address (Customer.email).
   */
  email?: string | null;
  /**
   * The customer's web domain without scheme or path (Customer.domain), e.g. 'acme.com'.
   */
  domain?: string | null;
  /**
   * The customer's name (Customer.name): the weakest key, used when nothing else is known.
   */
  name?: string | null;
}
/**
 * Something sold: a good or a service (a CRM product or price-book entry, an ERP product). Only `name` is required: no system creates a product without one. `sku` is the key to match products across systems. Optional fields are absent when the source does not know them and null when it knows they are empty.
 */
export interface Product {
  /**
   * The stock-keeping unit: the product code both systems use (Odoo default_code, Salesforce ProductCode, HubSpot hs_sku).
   */
  sku?: string | null;
  /**
   * The product's name.
   */
  name: string;
  /**
   * A longer description, as plain text.
   */
  description?: string | null;
  /**
   * The list unit price, before tax, in `currency`.
   */
  price?: number | null;
  /**
   * The currency of `price` as an ISO 4217 code in upper case, e.g. 'EUR'.
   */
  currency?: string | null;
  /**
   * The quantity on hand, in the product's unit of measure (may be fractional, or negative when oversold).
   */
  stockQuantity?: number | null;
  /**
   * False when the product is archived and can no longer be sold.
   */
  active?: boolean | null;
  /**
   * When the product last changed in the system it was read from (RFC 3339 date-time).
   */
  updatedAt?: string | null;
}
/**
 * An order a customer placed (an ERP sale order, a CRM order or closed deal). Nothing is required: a destination often numbers a new order itself, and a draft may not have a customer yet. Optional fields are absent when the source does not know them and null when it knows they are empty.
 */
export interface SalesOrder {
  /**
   * The order number in the system it was read from, e.g. 'S00042'.
   */
  number?: string | null;
  /**
   * The order's reference in another system (the customer's PO number, the CRM deal id): what links the same order across systems.
   */
  externalRef?: string | null;
  customer?: CustomerRef;
  /**
   * Where the order is: draft (a quotation), confirmed (accepted, to be delivered), done (delivered and closed) or cancelled.
   */
  status?: 'draft' | 'confirmed' | 'done' | 'cancelled' | null;
  /**
   * How far the order is invoiced: nothing to invoice, to_invoice (delivered or confirmed, not yet invoiced) or invoiced.
   */
  invoiceStatus?: 'nothing' | 'to_invoice' | 'invoiced' | null;
  /**
   * The ordered items, in order.
   */
  lines?: SalesOrderLine[];
  /**
   * The order total including tax, in `currency`.
   */
  total?: number | null;
  /**
   * The currency of the amounts as an ISO 4217 code in upper case, e.g. 'EUR'.
   */
  currency?: string | null;
  /**
   * When the order was placed (RFC 3339 date-time).
   */
  orderedAt?: string | null;
  /**
   * When the order last changed in the system it was read from (RFC 3339 date-time).
   */
  updatedAt?: string | null;
}
/**
 * One ordered item: a product (by sku), a quantity and a unit price in the order's currency.
 */
export interface SalesOrderLine {
  /**
   * The product's sku (Product.sku).
   */
  sku?: string | null;
  /**
   * The line's label, usually the product name.
   */
  name?: string | null;
  /**
   * The quantity ordered, in the product's unit of measure.
   */
  quantity?: number | null;
  /**
   * The unit price before tax, in the order's currency.
   */
  unitPrice?: number | null;
}
/**
 * A customer invoice (an ERP account move, a CRM invoice). Nothing is required: a draft invoice has no number yet, and the destination assigns its own. Optional fields are absent when the source does not know them and null when it knows they are empty.
 */
export interface Invoice {
  /**
   * The invoice number, e.g. 'INV/2024/0001'; assigned when the invoice is posted.
   */
  number?: string | null;
  /**
   * The number of the sales order invoiced (SalesOrder.number), when there is one.
   */
  orderNumber?: string | null;
  customer?: CustomerRef;
  /**
   * The accounting state: draft (editable, no number yet), posted (issued, in the books) or cancelled.
   */
  status?: 'draft' | 'posted' | 'cancelled' | null;
  /**
   * How much is paid: not_paid, partial, paid, or reversed (credited by a credit note).
   */
  paymentStatus?: 'not_paid' | 'partial' | 'paid' | 'reversed' | null;
  /**
   * The invoice total including tax, in `currency`.
   */
  total?: number | null;
  /**
   * The currency of `total` as an ISO 4217 code in upper case, e.g. 'EUR'.
   */
  currency?: string | null;
  /**
   * The date the invoice was issued (RFC 3339 full-date, e.g. '2024-03-31').
   */
  invoiceDate?: string | null;
  /**
   * The date payment is due (RFC 3339 full-date, e.g. '2024-04-30').
   */
  dueDate?: string | null;
  /**
   * When the invoice last changed in the system it was read from (RFC 3339 date-time).
   */
  updatedAt?: string | null;
}
