export { checkProjectAgainstInstalled } from './check-project.ts';
export { type ProjectErrorCode, projectErrors } from './errors.ts';
export { type LoadedProject, loadProject } from './load-project.ts';
export {
  hasReference,
  type ResolveOptions,
  resolveConnectionConfig,
  type SecretSource,
} from './references.ts';
export { decryptSecret, encryptSecret } from './secret-cipher.ts';
export { type KeyOptions, loadSecretKey, type SecretKey, secretKeyFile } from './secret-key.ts';
export { type SecretBackend, SecretStore, type SecretStoreOptions } from './secret-store.ts';
