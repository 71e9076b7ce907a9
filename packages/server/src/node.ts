/**
 * Plain Node: the fetch-API handler as a `node:http` listener, and `serve`, which listens
 * and shuts down gracefully (in-flight requests finish, idle connections close).
 *
 *   import { createServer } from "node:http";
 *   createServer(createNodeListener(handler)).listen(3000);
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WireAnswer as Answer } from "@otpkit/core";
import { rememberSocketAddress } from "./client-ip";
import { CALL_HANDLER, type Call, type CallHandler, type OtpHandler } from "./handler";
import { type BodySource, type BoundedBody, concat, MAX_BODY_BYTES } from "./request-body";

export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A `node:http` listener for a fetch-API handler. For a handler from `createOtpHandler` it
 * reads the socket directly (no `Request`, no body stream: the benchmark's hot path);
 * any other handler gets a real `Request` and its `Response` is written back.
 */
export function createNodeListener(handler: OtpHandler): NodeListener {
  const handleCall = (handler as { [CALL_HANDLER]?: CallHandler })[CALL_HANDLER];
  return (req, res) => {
    const handled = handleCall
      ? handleCall(callFromSocket(req)).then((answer) => writeAnswer(req, res, answer))
      : handleRequest(handler, req, res);
    handled.catch(() => {
      // Only a broken socket or a foreign handler that throws gets here.
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer) {
  const headers = answer.headers;
  // A body we did not read to the end is not worth draining: close the connection instead.
  if (!req.complete) headers.connection = "close";
  // A known length: one write of head and body, no chunked framing.
  headers["content-length"] = String(answer.body ? Buffer.byteLength(answer.body) : 0);
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

const callFromSocket = (req: IncomingMessage): Call => new SocketCall(req);

/** Headers whose repeats node:http drops (the first one counts), as `req.headers` does. */
const SINGLE_VALUE_HEADERS: ReadonlySet<string> = new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent",
]);

/**
 * A request read straight from the socket. A class, and its own body source: one object per
 * request instead of a handful of closures (the benchmark's hot path).
 */
class SocketCall implements Call, BodySource {
  readonly method: string;
  readonly target: string;
  readonly socketAddress: string | undefined;
  readonly body: BodySource = this;
  readonly contentType: string | null;
  readonly contentLength: string | null;
  private made: Request | undefined;

  constructor(private readonly req: IncomingMessage) {
    this.method = req.method ?? "GET";
    this.target = req.url ?? "/";
    this.socketAddress = req.socket.remoteAddress;
    this.contentType = this.header("content-type");
    this.contentLength = this.header("content-length");
  }

  /**
   * A header as `req.headers` would give it (first of a single-value header, others joined),
   * read from the raw list: `req.headers` builds an object of every header on first use,
   * for the three or four this handler reads.
   */
  header(name: string): string | null {
    const wanted = name.toLowerCase();
    const raw = this.req.rawHeaders;
    let value: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const field = raw[i] as string;
      if (field.length !== wanted.length || field.toLowerCase() !== wanted) continue;
      const next = raw[i + 1] as string;
      if (value === null) value = next;
      else if (SINGLE_VALUE_HEADERS.has(wanted)) break;
      else value += `${wanted === "cookie" ? "; " : ", "}${next}`;
    }
    return value;
  }

  read(maxBytes: number): Promise<BoundedBody> {
    return new Promise((resolve, reject) => new BodyReader(this.req, maxBytes, resolve, reject));
  }

  discard(): void {}

  request(): Request {
    const req = this.req;
    this.made ??= new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers: headersOf(req),
    });
    rememberSocketAddress(this.made, req.socket.remoteAddress);
    return this.made;
  }
}

const READER: unique symbol = Symbol("otpkit.bodyReader");
type ReadingMessage = IncomingMessage & { [READER]?: BodyReader };

/**
 * Reads a body up to one byte past `maxBytes`, never more. Its listeners are shared
 * functions that find the reader on the request: no closures per request.
 */
class BodyReader {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  constructor(
    private readonly req: ReadingMessage,
    private readonly maxBytes: number,
    private readonly resolve: (body: BoundedBody) => void,
    private readonly reject: (error: Error) => void,
  ) {
    req[READER] = this;
    req.on("data", onBodyData).on("end", onBodyEnd).on("error", onBodyError);
  }

  data(chunk: Buffer) {
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
    if (this.length > this.maxBytes) {
      this.req.pause();
      this.stop();
      this.resolve({ bytes: new Uint8Array(), tooLarge: true });
    }
  }

  // At the end nothing more can arrive: the listeners go with the request.
  end() {
    this.req[READER] = undefined;
    this.resolve({ bytes: concat(this.chunks, this.length), tooLarge: false });
  }

  error(error: Error) {
    this.stop();
    this.reject(error);
  }

  private stop() {
    this.req[READER] = undefined;
    this.req.off("data", onBodyData).off("end", onBodyEnd).off("error", onBodyError);
  }
}

function onBodyData(this: ReadingMessage, chunk: Buffer) {
  this[READER]?.data(chunk);
}
function onBodyEnd(this: ReadingMessage) {
  this[READER]?.end();
}
function onBodyError(this: ReadingMessage, error: Error) {
  this[READER]?.error(error);
}

async function handleRequest(handler: OtpHandler, req: IncomingMessage, res: ServerResponse) {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // One over the limit is enough for the handler to refuse it; the rest is never read.
  const { bytes, truncated } = hasBody
    ? await readUpTo(req, MAX_BODY_BYTES + 1)
    : { bytes: undefined, truncated: false };
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers: headersOf(req),
    body: bytes,
  });
  rememberSocketAddress(request, req.socket.remoteAddress);
  const response = await handler(request);
  const headers: Record<string, string> = Object.fromEntries(response.headers);
  if (truncated) headers.connection = "close";
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, headers);
  res.end(body);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** Reads until the end or `limit` bytes, whichever comes first; never more than that. */
function readUpTo(
  req: IncomingMessage,
  limit: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = () => req.off("data", onData).off("end", onEnd).off("error", onError);
    const done = (truncated: boolean) => {
      stop();
      const bytes = concat(chunks, Math.min(length, limit)) as Uint8Array<ArrayBuffer>;
      resolve({ bytes, truncated });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.byteLength;
      if (length >= limit) {
        req.pause();
        done(true);
      }
    };
    // At the end nothing more can arrive: the listeners go with the request.
    const onEnd = () =>
      resolve({ bytes: concat(chunks, length) as Uint8Array<ArrayBuffer>, truncated: false });
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

export interface ServeOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** How long `close()` waits for in-flight requests before cutting them. Default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  server: Server;
  /** "http://127.0.0.1:3000" */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

export async function serve(
  handler: OtpHandler,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { port = 3000, host = "127.0.0.1", shutdownTimeoutMs = 10_000 } = options;
  const server = createServer(createNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          clearInterval(sweeper);
          clearTimeout(deadline);
          resolve();
        });
        // A keep-alive connection goes as soon as its request is answered.
        const sweeper = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
