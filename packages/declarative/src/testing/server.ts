import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test support: a request as the local server saw it. */
export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The client's port: equal ports mean a reused (keep-alive) connection. */
  remotePort: number | undefined;
}

/** An answer for the server to send. A handler may instead write to the response itself. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  /** Drop the connection without answering. */
  destroy?: boolean;
  delayMs?: number;
}

/** A handler returns a Reply, or writes the response itself and returns nothing. */
export type Handler = (
  request: SeenRequest,
  response: ServerResponse,
  index: number,
) => HandlerResult | Promise<HandlerResult>;

// biome-ignore lint/suspicious/noConfusingVoidType: a handler that writes the response itself returns nothing
type HandlerResult = Reply | undefined | void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Test support: a real HTTP server on 127.0.0.1 and a free port. Inside a vitest test it is
 * closed, connections included, when the test finishes; `close()` may be called earlier.
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at,
      remotePort: req.socket.remotePort,
    };
    requests.push(seen);
    try {
      const reply = await handler(seen, res, requests.length - 1);
      if (reply) await send(res, reply);
    } catch (error) {
      if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(String((error as Error)?.stack ?? error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
    return closed;
  };
  // Inside a vitest test the server closes when the test ends; elsewhere (a benchmark, a script)
  // the caller closes it. vitest is imported only under vitest, where importing it works.
  if (process.env.VITEST) {
    const { onTestFinished } = await import('vitest');
    try {
      onTestFinished(close);
    } catch {
      // Started outside a test (in beforeAll): the caller closes it.
    }
  }
  return { url: `http://127.0.0.1:${port}`, requests, close };
}

async function send(res: ServerResponse, reply: Reply): Promise<void> {
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (reply.destroy) {
    res.socket?.destroy();
    return;
  }
  const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
  res.writeHead(reply.status ?? 200, {
    ...(reply.json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...reply.headers,
  });
  res.end(text);
}

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
