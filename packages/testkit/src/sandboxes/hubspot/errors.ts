// The error table of the HubSpot sandbox's admin API (docs/vendor-apis.md section 1,
// https://developers.hubspot.com/docs/guides/crm/using-object-apis).
import { defineErrors } from '@ferry/manifest';

/** The error table of the HubSpot sandbox's admin API (the HTTP API answers in HubSpot's format). */
export const hubspotSandboxErrors = defineErrors({
  FERRY_SANDBOX_HUBSPOT_INVALID: {
    title: "A HubSpot sandbox admin call or option was refused, as HubSpot's API would refuse it",
    hint: 'Use a known object type and id, declare custom properties first (options.properties or declareProperty), keep unique values (email, hs_sku) unique, and leave read-only properties (hs_object_id, createdate, the modification date) to the sandbox.',
  },
});

export type HubspotSandboxErrorCode = keyof typeof hubspotSandboxErrors.codes;
