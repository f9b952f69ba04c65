import { defineErrors } from '@ferry/manifest';

/** The error table of the Salesforce sandbox's admin API (test code calling it wrongly). */
export const salesforceSandboxErrors = defineErrors({
  FERRY_SALESFORCE_SANDBOX_ADMIN_INVALID: {
    title:
      'A Salesforce sandbox admin call named an unknown sObject, field or record, or set a read-only field',
    hint: 'Use the sObjects of the sandbox (Account, Contact, Opportunity, Product2), their field names, and ids the sandbox returned; system fields (Id, CreatedDate, LastModifiedDate, SystemModstamp, IsDeleted) are set by the sandbox.',
  },
});

export type SalesforceSandboxErrorCode = keyof typeof salesforceSandboxErrors.codes;
