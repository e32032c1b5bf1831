import type { Upload } from '@lifelong/core';
import type { LearningRecordsRegistrar } from '../config.js';
import type { Ctx } from '../context.js';
import { scopeFor, xapi } from '../shared/xapi-http.js';
import * as contract from './contract.js';
import { type DocumentKind, handleDocument } from './service.js';

const scope = (kind: DocumentKind) => (kind === 'state' ? 'state' : 'profile');

/** GET: one document with its own type and ETag, or the list of ids. */
const read = (kind: DocumentKind) => (_input: unknown, ctx: Ctx) =>
  xapi(ctx, async (version, credential) => {
    scopeFor(credential, scope(kind), true);
    const answer = await handleDocument(ctx, kind, 'get', credential, version, ctx.c.req.query());
    if (answer.kind !== 'document') return { status: 200 as const, body: answer.kind === 'ids' ? answer.ids : [] };
    const response = new Response(new Uint8Array(answer.content), {
      status: 200,
      headers: { 'Content-Type': answer.contentType, ETag: answer.etag, 'Last-Modified': answer.updated.toUTCString() },
    });
    return { response };
  });

/** PUT, POST, DELETE: 204. */
const write =
  (kind: DocumentKind, method: 'put' | 'post' | 'delete') =>
  ({ upload }: { upload?: Upload }, ctx: Ctx) =>
    xapi(ctx, async (version, credential) => {
      scopeFor(credential, scope(kind));
      await handleDocument(ctx, kind, method, credential, version, ctx.c.req.query(), upload);
      return { status: 204 as const, body: undefined };
    });

export function registerDocuments(p: LearningRecordsRegistrar): void {
  p.route(contract.getState, read('state'));
  p.route(contract.putState, write('state', 'put'));
  p.route(contract.postState, write('state', 'post'));
  p.route(contract.deleteState, write('state', 'delete'));
  p.route(contract.getActivityProfile, read('activityProfile'));
  p.route(contract.putActivityProfile, write('activityProfile', 'put'));
  p.route(contract.postActivityProfile, write('activityProfile', 'post'));
  p.route(contract.deleteActivityProfile, write('activityProfile', 'delete'));
  p.route(contract.getAgentProfile, read('agentProfile'));
  p.route(contract.putAgentProfile, write('agentProfile', 'put'));
  p.route(contract.postAgentProfile, write('agentProfile', 'post'));
  p.route(contract.deleteAgentProfile, write('agentProfile', 'delete'));
}
