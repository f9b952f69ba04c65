export { collect, collectUntilError, records, states } from './messages.ts';
export {
  type Handler,
  type Reply,
  type SeenRequest,
  sendJson,
  startServer,
  type TestServer,
} from './server.ts';
