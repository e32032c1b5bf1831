import type { LearningRecordsRegistrar } from '../config.js';
import { scopeFor, xapi } from '../shared/xapi-http.js';
import * as contract from './contract.js';
import { type DocumentKind, handleDocument } from './service.js';

type Method = 'get' | 'put' | 'post' | 'delete';

export function registerDocuments(p: LearningRecordsRegistrar): void {
  const resources: [DocumentKind, Record<Method, (typeof contract)['getState']>][] = [
    [
      'state',
      { get: contract.getState, put: contract.putState, post: contract.postState, delete: contract.deleteState },
    ],
    [
      'activityProfile',
      {
        get: contract.getActivityProfile,
        put: contract.putActivityProfile,
        post: contract.postActivityProfile,
        delete: contract.deleteActivityProfile,
      },
    ],
    [
      'agentProfile',
      {
        get: contract.getAgentProfile,
        put: contract.putAgentProfile,
        post: contract.postAgentProfile,
        delete: contract.deleteAgentProfile,
      },
    ],
  ];
  for (const [kind, byMethod] of resources) {
    for (const method of ['get', 'put', 'post', 'delete'] as const) {
      p.route(byMethod[method], ({ upload }, ctx) =>
        xapi(ctx, async (version, credential) => {
          scopeFor(credential, kind === 'state' ? 'state' : 'profile', method === 'get');
          const answer = await handleDocument(ctx, kind, method, credential, version, ctx.c.req.query(), upload);
          if (answer.kind === 'ids') return { status: 200 as const, body: answer.ids };
          if (answer.kind === 'document') {
            const response = new Response(new Uint8Array(answer.content), {
              status: 200,
              headers: {
                'Content-Type': answer.contentType,
                ETag: answer.etag,
                'Last-Modified': answer.updated.toUTCString(),
              },
            });
            return { response };
          }
          return { status: 204 as const, body: undefined };
        }),
      );
    }
  }
}
