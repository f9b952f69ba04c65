export { startDataverseSandbox } from './sandbox.ts';
export {
  SERVICE_PROTECTION as DATAVERSE_SERVICE_PROTECTION,
  type ServiceProtectionLimit as DataverseServiceProtectionLimit,
  serviceProtection as dataverseServiceProtection,
  serviceProtectionBody as dataverseServiceProtectionBody,
} from './service-protection.ts';
export type {
  DataverseAdmin,
  DataverseCell,
  DataverseRow,
  DataverseSandbox,
  DataverseSandboxOptions,
  DataverseTable,
} from './types.ts';
