import { decodeCursor, isUuidKey, toPage } from '../http/pagination.js';
import { actorOf, requestRegion } from '../http/request-context.js';
import { route } from '../http/route.js';
import type { IdentityContext } from '../identity/context.js';
import { pickLocale } from '../notifications/notifier.js';
import * as contract from './contract.js';
import type { PersonalDataHub } from './personal-data.js';
import {
  cancelErasure,
  decideErasure,
  exportPersonalData,
  listErasureQueue,
  listPersonErasureRequests,
  requestErasure,
  toErasureView,
} from './privacy-service.js';

/** Data exports and erasure requests (docs/privacy.md). */
export function privacyRoutes(identity: () => IdentityContext, hub: PersonalDataHub) {
  const deps = () => ({ identity: identity(), hub });
  return [
    route(contract.exportPersonalData, async ({ params }, c) => {
      const archive = await exportPersonalData(
        deps(),
        actorOf(c),
        params.learnerNumber,
        pickLocale(c.req.header('accept-language')),
      );
      return {
        status: 200,
        body: archive,
        headers: {
          'Content-Disposition': `attachment; filename="lifelong-data-${archive.learnerNumber}.json"`,
          'Cache-Control': 'no-store',
        },
      };
    }),
    route(contract.requestErasure, async ({ params, body }, c) => ({
      status: 201,
      body: await requestErasure(identity(), actorOf(c), params.learnerNumber, body),
    })),
    route(contract.listPersonErasureRequests, async ({ params }, c) => ({
      status: 200,
      body: { items: await listPersonErasureRequests(identity(), actorOf(c), params.learnerNumber) },
    })),
    route(contract.cancelErasure, async ({ params }, c) => ({
      status: 200,
      body: await cancelErasure(identity(), actorOf(c), params.learnerNumber, params.requestId),
    })),
    route(contract.listErasureQueue, async ({ query }, c) => {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
      const rows = await listErasureQueue(identity(), actorOf(c), requestRegion(c), query.status ?? 'pending', {
        limit,
        after,
      });
      return {
        status: 200,
        body: toPage(
          rows,
          limit,
          (row) => ({ id: row.request.id }),
          (row) => toErasureView(row.request, row.learnerNumber),
        ),
      };
    }),
    route(contract.decideErasure, async ({ params, body }, c) => ({
      status: 200,
      body: await decideErasure(deps(), actorOf(c), params.learnerNumber, params.requestId, body),
    })),
  ];
}
