import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from './content-disposition.ts';

export interface Download {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  /** Strong validator: the registry's sha256 of the bytes. */
  readonly etag: string;
  readonly filename: string;
  readonly inline?: boolean;
  readonly modified?: Date;
  /** The file's own Content-Security-Policy. */
  readonly policy: string;
}

/**
 * Sends bytes held in memory with the HTTP caching and range semantics a download manager expects:
 * ETag and If-None-Match (304), If-Range, a single byte range (206) or 416, HEAD without a body.
 * Several ranges in one request get the whole file, which RFC 9110 allows.
 */
export function sendBytes(request: FastifyRequest, reply: FastifyReply, download: Download): FastifyReply {
  const size = download.bytes.byteLength;
  reply
    .header('content-type', download.contentType)
    .header('etag', download.etag)
    .header('accept-ranges', 'bytes')
    .header(
      'content-disposition',
      contentDisposition(download.filename, download.inline === true ? 'inline' : 'attachment'),
    )
    .header('content-security-policy', download.policy)
    .header('cache-control', 'private, no-cache');
  if (download.modified !== undefined) reply.header('last-modified', download.modified.toUTCString());
  if (matchesEtag(request.headers['if-none-match'], download.etag)) return reply.code(304).send();
  const range = wantedRange(request, download.etag, size);
  if (range === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${size}`)
      .type('text/plain; charset=utf-8')
      .send('El rango pedido está fuera del archivo.');
  }
  const body = range === undefined ? download.bytes : download.bytes.subarray(range.start, range.end + 1);
  if (range !== undefined) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
  reply.header('content-length', body.byteLength);
  // Fastify answers HEAD from the GET route and drops the body itself.
  return reply.send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

interface ByteRange {
  readonly start: number;
  readonly end: number;
}

function wantedRange(request: FastifyRequest, etag: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const header = request.headers.range;
  if (header === undefined) return undefined;
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && ifRange !== etag) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
