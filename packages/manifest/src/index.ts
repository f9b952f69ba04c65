export {
  CANONICAL_ENTITIES,
  type CanonicalEntity,
  canonicalSchema,
  isCanonicalEntity,
} from './canonical/entities.ts';
export { canonicalFields, canonicalLeafFields } from './canonical/fields.ts';
export { assertRuntimeCompatible, runtimeIncompatibility } from './compat.ts';
export { type ManifestErrorCode, manifestErrors } from './errors/codes.ts';
export {
  defineErrors,
  type ErrorSpec,
  type ErrorTable,
  undocumentedCodes,
} from './errors/define-errors.ts';
export {
  type ErrorLocation,
  FerryError,
  type FerryErrorOptions,
  isFerryError,
} from './errors/ferry-error.ts';
export { checkWithSchema, type SchemaProblem } from './explain.ts';
export type {
  Address,
  CanonicalRecord,
  Contact,
  Customer,
  CustomerRef,
  Invoice,
  Product,
  SalesOrder,
  SalesOrderLine,
} from './generated/canonical.ts';
export type * from './generated/connector-manifest.ts';
export type {
  Connection,
  Endpoint,
  Mode,
  Policies,
  ProjectFile,
  Recipe,
  Trigger,
} from './generated/project-file.ts';
export { formatIssue, type Issue, jsonPath, sortIssues, type Validation } from './issue.ts';
export { issueAt } from './located.ts';
export { parseSource, readSource, type Source } from './source.ts';
export {
  type LoadedManifest,
  type ManifestOptions,
  validateManifestFile,
  validateManifestSource,
} from './validate-manifest.ts';
export { type ConnectorPackage, validateConnectorPackage } from './validate-package.ts';
export { type PathValidation, type ValidatedKind, validatePath } from './validate-path.ts';
export { validateProjectFile, validateProjectSource } from './validate-project.ts';
export { RUNTIME_API_VERSION } from './version.ts';
