// A local HubSpot CRM v3 objects API for tests and demos: docs/vendor-apis.md section 1,
// https://developers.hubspot.com/docs/guides/crm/using-object-apis
export { type HubspotSandboxErrorCode, hubspotSandboxErrors } from './errors.ts';
export { DEFAULT_HUBSPOT_TOKEN, startHubspotSandbox } from './sandbox.ts';
export { SEARCH_CAP as HUBSPOT_SEARCH_CAP } from './search.ts';
export {
  HUBSPOT_OBJECT_TYPES,
  type HubspotAdmin,
  type HubspotLimits,
  type HubspotObject,
  type HubspotObjectType,
  type HubspotProperty,
  type HubspotSandbox,
  type HubspotSandboxOptions,
} from './types.ts';
