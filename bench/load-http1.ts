/**
 * A light HTTP/1.1 load generator for measuring the simulator, not the client.
 *
 * Each connection is a raw `net` socket with keep-alive and Nagle's algorithm
 * off. It sends one GET, waits for the whole response, then sends the next
 * one, so there is no pipelining. The client reads the status line and the
 * `Content-Length` header and skips that many body bytes without copying or
 * parsing them. So it spends its CPU time almost only in the kernel, receiving
 * bytes, which a client of real Confluence also has to do.
 *
 * Only `Content-Length`-framed responses are supported. A chunked response, a
 * connection that closes with a request outstanding or a malformed header
 * rejects the whole run.
 */
import { connect, type Socket } from 'node:net';

export interface LoadJob {
  /** Request targets (path and query), sent in turn and repeated from the start when `requests` exceeds their number. */
  readonly paths: string[];
  /** Scheme, host and port, e.g. 'http://127.0.0.1:41234'. */
  readonly origin: string;
  /** Value of the `Authorization` header of every request. */
  readonly authorization: string;
  readonly requests: number;
  /** Number of keep-alive connections, each with one request in flight. */
  readonly concurrency: number;
}

export interface LoadResult {
  /** Wall-clock time from the first connection attempt to the last response. */
  readonly seconds: number;
  /** Sum of the `Content-Length` values, header bytes excluded. */
  readonly bytes: number;
  /** Responses with a status other than 200. */
  readonly failures: number;
  /** User plus system CPU time of this load generator during the run. */
  readonly cpuSeconds: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
/** Size of the receive buffer that each connection reuses for every read, so that reading a 1 MiB response allocates nothing. */
const READ_BUFFER_BYTES = 2 ** 20;
/** Larger response headers mean that the server does not frame responses as expected. */
const MAX_HEADER_BYTES = 64 * 1024;

interface ParsedHead {
  readonly status: number;
  readonly contentLength: number;
}

/** Parses a status line and header block (without the final empty line). Throws when the response has no usable `Content-Length`. */
function parseHead(head: string, target: string): ParsedHead {
  const statusMatch = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!statusMatch) {
    throw new Error(`Invalid response to GET ${target}: the status line is "${head.slice(0, 40)}".`);
  }
  if (/\r\ntransfer-encoding:/i.test(head)) {
    throw new Error(`Unsupported response to GET ${target}: the load client reads only Content-Length-framed bodies, not Transfer-Encoding.`);
  }
  const lengthMatch = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (!lengthMatch) {
    throw new Error(`Unsupported response to GET ${target}: Content-Length is missing.`);
  }
  return { status: Number(statusMatch[1]), contentLength: Number(lengthMatch[1]) };
}

/** Running totals that every connection of one run adds to. */
interface Totals {
  nextIndex: number;
  bytes: number;
  failures: number;
}

/** Sends requests on one connection until `job.requests` have been taken by all connections together. */
function runConnection(job: LoadJob, origin: URL, totals: Totals): Promise<void> {
  return new Promise((resolve, reject) => {
    const readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    const socket: Socket = connect({
      host: origin.hostname,
      port: Number(origin.port),
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: (length) => {
          receive(readBuffer.subarray(0, length));
          return true;
        },
      },
    });
    let target = '';
    let inFlight = false;
    // Bytes of a response head that arrived split over several chunks; usually empty.
    let pendingHead: Buffer = Buffer.alloc(0);
    // Body bytes still to skip; 0 while the next head is being read.
    let bodyRemaining = 0;

    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };

    const sendNext = () => {
      const index = totals.nextIndex++;
      if (index >= job.requests) {
        inFlight = false;
        socket.end();
        resolve();
        return;
      }
      target = job.paths[index % job.paths.length]!;
      inFlight = true;
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${origin.host}\r\nAuthorization: ${job.authorization}\r\n\r\n`);
    };

    /** Consumes a response head at the start of `chunk` and returns how many bytes of `chunk` it used, or -1 when the head is incomplete. */
    const readHead = (chunk: Buffer): number => {
      const searchable = pendingHead.length === 0 ? chunk : Buffer.concat([pendingHead, chunk]);
      const end = searchable.indexOf(HEADER_END);
      if (end < 0) {
        if (searchable.length > MAX_HEADER_BYTES) {
          throw new Error(`Invalid response to GET ${target}: no end of headers in the first ${MAX_HEADER_BYTES} bytes.`);
        }
        pendingHead = Buffer.from(searchable);
        return -1;
      }
      const head = parseHead(searchable.toString('latin1', 0, end), target);
      if (head.status !== 200) {
        totals.failures++;
      }
      totals.bytes += head.contentLength;
      bodyRemaining = head.contentLength;
      const used = end + HEADER_END.length - pendingHead.length;
      pendingHead = Buffer.alloc(0);
      return used;
    };

    socket.on('connect', sendNext);
    socket.on('error', fail);
    socket.on('close', () => {
      if (inFlight) {
        fail(new Error(`Connection to ${job.origin} closed before the response to GET ${target} was complete.`));
      }
    });
    // `chunk` is a view of the shared receive buffer, valid only until this function returns.
    const receive = (chunk: Buffer) => {
      try {
        let offset = 0;
        while (offset < chunk.length) {
          if (bodyRemaining === 0) {
            const used = readHead(chunk.subarray(offset));
            if (used < 0) {
              return;
            }
            offset += used;
          } else {
            const skipped = Math.min(bodyRemaining, chunk.length - offset);
            bodyRemaining -= skipped;
            offset += skipped;
          }
          if (bodyRemaining === 0) {
            if (offset < chunk.length) {
              throw new Error(`Invalid response to GET ${target}: ${chunk.length - offset} bytes arrived after the body.`);
            }
            sendNext();
          }
        }
      } catch (error) {
        fail(error as Error);
      }
    };
  });
}

/** Sends `job.requests` GET requests over `job.concurrency` keep-alive connections and returns the totals. */
export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const origin = new URL(job.origin);
  const totals: Totals = { nextIndex: 0, bytes: 0, failures: 0 };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, () => runConnection(job, origin, totals)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds, bytes: totals.bytes, failures: totals.failures, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
