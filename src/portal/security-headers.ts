import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Pages load only their own stylesheet, logo and images; no script runs anywhere (progress pages refresh
 * themselves with a meta tag), no page may be framed, and forms post only back to the page.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A bulletin's own HTML, shown in the page's sandboxed frame or opened by itself: its styles and logo are
 * inlined; it runs no script and, sandboxed, has no origin of its own to act with.
 */
export const BULLETIN_HTML_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/** Downloads: nothing in them is run by the browser, whatever it guesses. */
export const FILE_POLICY = ["default-src 'none'", "frame-ancestors 'self'", 'sandbox'].join('; ');

export function addSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', PAGE_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  const framable = String(reply.getHeader('content-security-policy')).includes("frame-ancestors 'self'");
  reply.header('x-frame-options', framable ? 'SAMEORIGIN' : 'DENY');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}
