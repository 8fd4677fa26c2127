import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../errors/problem.filter.js';
import { problemType, toProblem } from '../errors/problem.js';

/** Longer URLs are a 414 before routing; Node itself refuses a request line and headers over 16 KB (431). */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Fastify's `frameworkErrors`: the errors its router raises before any route
 * or hook runs (a malformed percent-encoding, a path segment over
 * `maxParamLength`), answered as problem+json like every other error.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(request, reply, toProblem(error));
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before
 * there is a request at all (headers over the limit: 431; a malformed request
 * line or header: 400; too slow: 408). Written straight to the socket, as
 * problem+json, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'HeadersTooLarge' : status === 408 ? 'RequestTimeout' : 'MalformedRequest';
  const detail =
    status === 431
      ? 'The request line and headers exceed 16 KB.'
      : status === 408
        ? 'The request was not received in time.'
        : 'The request is not valid HTTP.';
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type: problemType(code), title, status, detail, code });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Node's `checkExpectation`: a request whose `Expect` header is not
 * `100-continue`. Without a listener Node answers a bare 417 itself; this one
 * answers it as problem+json.
 */
export function answerExpectationFailed(_request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({
    type: problemType('ExpectationFailed'),
    title: STATUS_CODES[417],
    status: 417,
    detail: 'Only the Expect value 100-continue is understood.',
    code: 'ExpectationFailed',
  });
  response.writeHead(417, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
