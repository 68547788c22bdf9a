/**
 * A tiny scripted HTTP server for the client's error paths: each test says what the next requests
 * get, and every request is logged as received on the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON with Content-Type application/json unless headers say otherwise. */
  body?: unknown;
  /** Never answer (to test timeouts); the socket is destroyed on close. */
  hang?: boolean;
}

export type Handler = (request: ReceivedRequest) => Reply;

export interface TestServer {
  /** Base URL as the client expects it, ending in /v1. */
  url: string;
  requests: ReceivedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = () => ({ status: 500, body: { error: { message: 'no handler' } } });
  const requests: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname.replace(/^\/v1/, ''),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const reply = handler(received);
      if (reply.hang) {
        hanging.add(res);
        return;
      }
      const isText = typeof reply.body === 'string';
      const headers = {
        ...(reply.body === undefined || isText ? {} : { 'Content-Type': 'application/json' }),
        ...reply.headers,
      };
      res.writeHead(reply.status ?? 200, headers);
      res.end(reply.body === undefined ? undefined : isText ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    handle(next) {
      handler = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
