export { type CompiledCanonical, compileCanonical } from './canonical/compile-canonical.ts';
export type { Connector, ConnectorSpec, StreamInfo, UseOptions } from './connector/connector.ts';
export { openConnector } from './connector/open.ts';
export type { ReadOptions } from './connector/read.ts';
export { durationMs } from './duration.ts';
export { type EngineErrorCode, engineErrors } from './errors.ts';
export { compileExpression, type Expression } from './expression/expression.ts';
export { compileTemplate, type Template } from './expression/template.ts';
export { parseStateInput } from './state.ts';
