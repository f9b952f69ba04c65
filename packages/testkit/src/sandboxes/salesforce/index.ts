export {
  type SalesforceSandboxErrorCode,
  salesforceSandboxErrors,
} from './admin-errors.ts';
export { startSalesforceSandbox } from './sandbox.ts';
export type {
  SalesforceAdmin,
  SalesforceRecord,
  SalesforceSandbox,
  SalesforceSandboxOptions,
} from './types.ts';
