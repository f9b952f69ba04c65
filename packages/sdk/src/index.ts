export { FerryError, isFerryError } from '@ferry/manifest';
export {
  type CheckHandler,
  type CheckResult,
  type ConnectorContext,
  defineConnector,
  type ReadContext,
  type ReadHandler,
  type ReadItem,
  type WriteContext,
  type WriteHandler,
  type WriteResult,
} from './handlers.ts';
export type { HttpClient, HttpMethod, HttpRequest, HttpResponse, QueryValue } from './http.ts';
export type { Logger } from './logger.ts';
export type {
  ErrorMessage,
  JsonObject,
  LogLevel,
  LogMessage,
  Message,
  RecordMessage,
  StateMessage,
} from './messages.ts';
