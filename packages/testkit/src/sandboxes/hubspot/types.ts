// Types of the HubSpot CRM v3 sandbox. Wire format: docs/vendor-apis.md section 1, from
// https://developers.hubspot.com/docs/guides/crm/using-object-apis and
// https://developers.hubspot.com/docs/api-reference/search/guide
import type { FaultSettings } from '../../sandbox/fault-types.ts';
import type { Sandbox } from '../../sandbox/types.ts';

/** The object types the sandbox serves. */
export type HubspotObjectType = 'contacts' | 'companies' | 'deals' | 'products';

export const HUBSPOT_OBJECT_TYPES: readonly HubspotObjectType[] = [
  'contacts',
  'companies',
  'deals',
  'products',
];

/** HubSpot's `SimplePublicObject`: string id, string-or-null property values, ISO dates with ms. */
export interface HubspotObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

/** A property of an object type; values travel as strings whatever the type. */
export interface HubspotProperty {
  name: string;
  type: 'string' | 'number' | 'datetime' | 'enumeration' | 'bool';
  /** Allowed values of an enumeration. */
  options?: string[];
  /** HubSpot's `hasUniqueValue`: the property can be an upsert `idProperty`. */
  unique?: boolean;
  /** Set by HubSpot only (hs_object_id, createdate, the modification date). */
  readOnly?: boolean;
}

/**
 * The API limits of the private app's token. Defaults are HubSpot's Free/Starter tier: 100
 * requests per 10 s, 250,000 a day, and 5 search requests a second
 * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 */
export interface HubspotLimits {
  /** 'professional' (and 'enterprise') allow 190 per 10 s and 650,000 a day. */
  tier?: 'free' | 'starter' | 'professional' | 'enterprise';
  /** Requests per rolling window (`X-HubSpot-RateLimit-Max`). */
  max?: number;
  /** The window (`X-HubSpot-RateLimit-Interval-Milliseconds`). */
  intervalMs?: number;
  /** Requests per day (`X-HubSpot-RateLimit-Daily`); the day is the UTC day of the clock. */
  daily?: number;
  /** Search requests per second; search answers carry no rate-limit headers. */
  searchPerSecond?: number;
}

export interface HubspotSandboxOptions {
  /** The private-app token the sandbox accepts. Default 'pat-na1-sandbox-token'. */
  token?: string;
  /** Seeded objects per type. Default: 30 contacts, 12 companies, 20 deals, 15 products. */
  counts?: Partial<Record<HubspotObjectType, number>>;
  /** Seed of the data and of the sandbox's PRNG. Default 1. */
  seed?: number;
  /** The clock for createdAt/updatedAt and the daily limit. Default: the system clock. */
  now?: () => Date;
  /** API limits, enforced per token; `false` turns them (and their headers) off. */
  limits?: HubspotLimits | false;
  /** Custom properties to declare, per type, beside the built-in ones. */
  properties?: Partial<Record<HubspotObjectType, HubspotProperty[]>>;
  /**
   * The scopes the token was granted (e.g. 'crm.objects.contacts.read'); a request without its
   * scope gets 403 MISSING_SCOPES. Default: every scope.
   */
  scopes?: string[];
  /** Search index lag: objects changed less than this long ago are not found yet. Default 0. */
  indexLagMs?: number;
  faults?: FaultSettings;
}

/** The admin API of a type's objects: what tests and the demo use to set up and inspect data. */
export interface HubspotAdmin {
  /** Live objects (or archived ones), in id order. */
  list(type: HubspotObjectType, options?: { archived?: boolean }): HubspotObject[];
  get(type: HubspotObjectType, id: string): HubspotObject | undefined;
  /** The live object whose `property` is exactly `value`. */
  findBy(type: HubspotObjectType, property: string, value: string): HubspotObject | undefined;
  /** Creates an object, validated as the API would; throws FERRY_SANDBOX_HUBSPOT_INVALID. */
  create(type: HubspotObjectType, properties: Record<string, unknown>): HubspotObject;
  /** Changes some properties and bumps the modification date. */
  update(type: HubspotObjectType, id: string, properties: Record<string, unknown>): HubspotObject;
  /** Archives the object, as HubSpot's DELETE does; false when there is none. */
  delete(type: HubspotObjectType, id: string): boolean;
  /** Declares a custom property. */
  declareProperty(type: HubspotObjectType, property: HubspotProperty): void;
}

/** A running HubSpot sandbox: the generic sandbox (faults, requests, stats) and its admin API. */
export interface HubspotSandbox extends Sandbox, HubspotAdmin {
  token: string;
  /** Requests the sandbox's own limits refused (429), by policy; injected 429s are in `stats`. */
  readonly limitHits: { TEN_SECONDLY_ROLLING: number; DAILY: number; SECONDLY: number };
}
