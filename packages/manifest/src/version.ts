/**
 * The version of the connector runtime API this Ferry implements: the manifest format, the
 * message protocol and the SDK contract. A connector's `runtime` range is checked against it.
 * The major number changes only when a connector written for the old major could break.
 */
export const RUNTIME_API_VERSION = '1.0.0';
