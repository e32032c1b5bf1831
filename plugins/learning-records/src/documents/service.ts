import { createHash } from 'node:crypto';
import type { Upload } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { XapiBadRequest, XapiConflict, XapiNotFound, XapiPreconditionFailed } from '../errors.js';
import { agentErrors, UUID, type XapiVersion } from '../shared/grammar.js';
import { ifiOf } from '../shared/ifi.js';
import type { CredentialRow } from '../shared/xapi-http.js';
import { type DocumentKey, deleteDocuments, documentIds, findDocument, upsertDocument } from './store.js';

// The document resources (1.0.3 Communication 2.3 to 2.6 and 3.1 "Concurrency"; 9274.1.1 4.1.6.3
// to 4.1.6.6): state, activity profile and agent profile, with ETags, If-Match / If-None-Match
// and JSON merge on POST.

export type DocumentKind = 'state' | 'activityProfile' | 'agentProfile';
type Method = 'get' | 'put' | 'post' | 'delete';

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const param = (name: string, rule: string, message: string) =>
  XapiBadRequest({ detail: message, errors: [{ path: `/query/${name}`, rule, message }] });

const PARAMS: Record<DocumentKind, { id: string; required: string[]; optional: string[] }> = {
  state: { id: 'stateId', required: ['activityId', 'agent'], optional: ['registration'] },
  activityProfile: { id: 'profileId', required: ['activityId'], optional: [] },
  agentProfile: { id: 'profileId', required: ['agent'], optional: [] },
};

interface Parsed {
  key: DocumentKey;
  documentId?: string;
  since?: Date;
}

function parse(kind: DocumentKind, method: Method, lrsId: string, query: Record<string, string>): Parsed {
  const spec = PARAMS[kind];
  const allowed = [...spec.required, ...spec.optional, spec.id, ...(method === 'get' ? ['since'] : [])];
  const unknown = Object.keys(query).find((k) => !allowed.includes(k));
  if (unknown) throw param(unknown, 'additionalProperties', `"${unknown}" is not a parameter of this resource`);
  for (const name of spec.required) if (query[name] === undefined) throw param(name, 'required', `${name} is required`);
  // One document (PUT, POST; profiles' DELETE) or, without its id, the list (GET) or all (state DELETE).
  const needsId = method === 'put' || method === 'post' || (method === 'delete' && kind !== 'state');
  if (needsId && query[spec.id] === undefined) throw param(spec.id, 'required', `${spec.id} is required`);
  if (query.since !== undefined && query[spec.id] !== undefined) {
    throw param('since', 'exclusive', `since lists ids: not with ${spec.id}`);
  }
  let agentIfi = '';
  if (query.agent !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(query.agent);
    } catch {
      throw param('agent', 'json', 'agent is an Agent as JSON');
    }
    const ifi = ifiOf(agent);
    const errors = agentErrors(agent, '/query/agent');
    if (errors.length > 0 || !ifi) throw XapiBadRequest({ detail: 'agent is not an Agent.', errors });
    agentIfi = ifi;
  }
  const activityId = query.activityId ?? '';
  if (query.activityId !== undefined && !IRI.test(activityId)) throw param('activityId', 'iri', 'activityId is an IRI');
  const registration = query.registration?.toLowerCase() ?? '';
  if (query.registration !== undefined && !UUID.test(registration)) {
    throw param('registration', 'uuid', 'registration is a UUID');
  }
  const documentId = query[spec.id];
  if (documentId !== undefined && (documentId.length === 0 || documentId.length > 1000)) {
    throw param(spec.id, 'length', `${spec.id} is 1 to 1000 characters`);
  }
  let since: Date | undefined;
  if (query.since !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(query.since) || Number.isNaN(Date.parse(query.since))) {
      throw param('since', 'timestamp', 'since is an ISO 8601 timestamp with a time zone');
    }
    since = new Date(query.since);
  }
  return { key: { lrsId, kind, activityId, agentIfi, registration }, documentId, since };
}

const etagOf = (content: Buffer) => `"${createHash('sha1').update(content).digest('hex')}"`;
const tags = (header: string) => header.split(',').map((t) => t.trim().replace(/^W\//, ''));

/** If-Match / If-None-Match (RFC 7232 as xAPI uses it): 412 when a precondition fails. */
function checkPreconditions(
  ctx: Ctx,
  current: { etag: string } | undefined,
  method: Method,
  kind: DocumentKind,
  version: XapiVersion,
) {
  const ifMatch = ctx.c.req.header('if-match');
  const ifNoneMatch = ctx.c.req.header('if-none-match');
  if (ifMatch !== undefined) {
    const ok = current && (ifMatch.trim() === '*' || tags(ifMatch).includes(current.etag));
    if (!ok) throw XapiPreconditionFailed({ detail: 'If-Match does not match the document’s ETag.' });
  }
  if (ifNoneMatch !== undefined && current) {
    if (ifNoneMatch.trim() === '*' || tags(ifNoneMatch).includes(current.etag)) {
      throw XapiPreconditionFailed({ detail: 'If-None-Match: the document exists (or has that ETag).' });
    }
  }
  // 1.0.3 3.1: a PUT over an existing profile without either header is a 409 (2.0: every document).
  const guarded = kind !== 'state' || version === '2.0.0';
  if (method === 'put' && guarded && current && ifMatch === undefined && ifNoneMatch === undefined) {
    throw XapiConflict({ detail: 'The document exists: send If-Match with its ETag (or If-None-Match: *).' });
  }
}

const isJsonObject = (text: string): Record<string, unknown> | null => {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export type DocumentAnswer =
  | { kind: 'none' }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'document'; content: Buffer; contentType: string; etag: string; updated: Date };

export async function handleDocument(
  ctx: Ctx,
  kind: DocumentKind,
  method: Method,
  credential: CredentialRow,
  version: XapiVersion,
  query: Record<string, string>,
  upload?: Upload,
): Promise<DocumentAnswer> {
  const { key, documentId, since } = parse(kind, method, credential.institutionId, query);
  if (method === 'get') {
    if (documentId === undefined) return { kind: 'ids', ids: await documentIds(ctx.db, key, since) };
    const row = await findDocument(ctx.db, key, documentId);
    if (!row) throw XapiNotFound({ detail: 'No such document.' });
    return {
      kind: 'document',
      content: row.content,
      contentType: row.contentType,
      etag: row.etag,
      updated: row.updated,
    };
  }
  if (method === 'delete') {
    if (documentId === undefined) {
      await deleteDocuments(ctx.db, key);
      return { kind: 'none' };
    }
    const current = await findDocument(ctx.db, key, documentId);
    checkPreconditions(ctx, current, method, kind, version);
    await deleteDocuments(ctx.db, key, documentId);
    return { kind: 'none' };
  }
  const id = documentId as string;
  const current = await findDocument(ctx.db, key, id);
  checkPreconditions(ctx, current, method, kind, version);
  let content = Buffer.from((upload as Upload).bytes);
  let contentType = (upload as Upload).contentType;
  if (method === 'post' && current) {
    // JSON merge (1.0.3 2.3.2): both documents JSON objects; the new properties win.
    const before = current.contentType === 'application/json' ? isJsonObject(current.content.toString('utf8')) : null;
    const after = contentType === 'application/json' ? isJsonObject(content.toString('utf8')) : null;
    if (!before || !after) {
      throw XapiBadRequest({
        detail: 'POST merges JSON objects: the stored document and the body must both be application/json objects.',
      });
    }
    content = Buffer.from(JSON.stringify({ ...before, ...after }));
    contentType = 'application/json';
  } else if (method === 'post' && contentType === 'application/json' && !isJsonObject(content.toString('utf8'))) {
    throw XapiBadRequest({ detail: 'A JSON document sent by POST is a JSON object.' });
  }
  await upsertDocument(ctx.db, key, {
    documentId: id,
    contentType,
    content,
    etag: etagOf(content),
    updated: ctx.now(),
  });
  return { kind: 'none' };
}
