// Test support for Store implementations: `describeStore(name, open)` runs the shared suite.
export { describeStore, type StoreUnderTest } from './store-suite.ts';
