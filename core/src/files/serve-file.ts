import { NotFound, RangeNotSatisfiable } from '../errors/core-errors.js';
import type { ByteRange, FileStore } from './file-store.js';

/** What to serve: a stored file and how the browser must treat it. */
export interface ServedFile {
  sha256: string;
  /** The sniffed media type recorded at upload, never the uploader's claim. */
  contentType: string;
  /** Shown to the person saving the file; reduced to a safe RFC 6266 form. */
  filename: string;
  /** `attachment`: download, never render (evidence); `inline`: play or show in place (media). */
  disposition: 'attachment' | 'inline';
  /**
   * Extra CSP directives after `sandbox; default-src 'none'`, e.g. `["media-src 'self'"]` for a
   * player opening the file in place.
   */
  policy?: readonly string[];
}

/** The sandbox every served file gets: opened as a page, it runs nothing and loads nothing. */
export const FILE_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

/**
 * Answers a GET for a stored file: `200` with `Accept-Ranges: bytes`, or `206` for one
 * `Range: bytes=a-b | a- | -n` (416 with `Content-Range: bytes *\/size` when it starts past the
 * end), `304` when `If-None-Match` names the file's `ETag` (its hash, which never changes). A
 * malformed or multi-part `Range`, or an `If-Range` for another version, gets the whole file
 * (RFC 9110 lets a server ignore those). Every answer carries the sniffed type, `nosniff`, a
 * sandboxing CSP and a safe `Content-Disposition`; the bytes are streamed from the store.
 *
 * Authorize first: call it only for a caller who may read the file.
 *
 * @example
 * p.route(contract.getEvidence, async ({ params }, ctx) => ({
 *   response: await serveFile(ctx.files, ctx.c.req.raw, { sha256, contentType, filename, disposition: 'attachment' }),
 * }));
 */
export async function serveFile(
  files: Pick<FileStore, 'open' | 'stat'>,
  request: Request,
  file: ServedFile,
): Promise<Response> {
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    'Accept-Ranges': 'bytes',
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.disposition, file.filename),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': [FILE_CONTENT_SECURITY_POLICY, ...(file.policy ?? [])].join('; '),
  });
  if (matchesEtag(request.headers.get('if-none-match'), file.sha256)) {
    for (const name of ['Content-Type', 'Content-Disposition', 'Accept-Ranges']) headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  const stored = await files.stat(file.sha256);
  if (!stored) throw NotFound({ detail: 'The file is no longer stored.' });
  const ifRange = request.headers.get('if-range');
  const range = ifRange === null || ifRange === etag ? parseRange(request.headers.get('range'), stored.size) : null;
  if (range === 'unsatisfiable') {
    throw RangeNotSatisfiable({
      detail: `The file has ${stored.size} bytes.`,
      headers: { 'Content-Range': `bytes */${stored.size}` },
      extensions: { size: stored.size },
    });
  }
  const opened = await files.open(file.sha256, range ?? undefined);
  if (!opened) throw NotFound({ detail: 'The file is no longer stored.' });
  if (range) {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${opened.size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
    return new Response(opened.stream, { status: 206, headers });
  }
  headers.set('Content-Length', String(opened.size));
  return new Response(opened.stream, { status: 200, headers });
}

/** `If-None-Match` (a list of entity tags, weak or strong, or `*`) against the file's tag. */
function matchesEtag(header: string | null, sha256: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${sha256}"`;
  });
}

const RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * One byte range of a `size`-byte file, `null` to serve it whole (no header, or one this server
 * ignores: another unit, several ranges, bad syntax), or `unsatisfiable`.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = RANGE.exec(header.replace(/\s+/g, ''));
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}

/**
 * `attachment; filename="report.pdf"; filename*=UTF-8''…` (RFC 6266): the quoted form keeps only
 * safe ASCII (no quotes, backslashes, control characters or path separators), the extended form
 * carries the full name percent-encoded.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', filename: string): string {
  const name =
    filename
      .replace(/[\\/]/g, '_')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 200) || 'file';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
