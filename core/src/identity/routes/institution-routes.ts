import { decodeCursor, isUuidKey, toPage } from '../../http/pagination.js';
import { actorOf } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import {
  createInstitution,
  getInstitution,
  type InstitutionRow,
  listInstitutions,
  setAccreditation,
} from '../institutions-service.js';
import * as contract from './institution-contract.js';

const toView = (row: InstitutionRow) => ({ ...row, createdAt: row.createdAt.toISOString() });
export function institutionRoutes(identity: () => IdentityContext) {
  return [
    route(contract.createInstitution, async ({ body }, c) => ({
      status: 201,
      body: toView(await createInstitution(identity().db, actorOf(c), body)),
    })),
    route(contract.listInstitutions, async ({ query }) => {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
      const rows = await listInstitutions(identity().db, query, { limit, after });
      return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id }), toView) };
    }),
    route(contract.getInstitution, async ({ params }) => ({
      status: 200,
      body: toView(await getInstitution(identity().db, params.institutionId)),
    })),
    route(contract.setAccreditation, async ({ params, body }, c) => ({
      status: 200,
      body: toView(await setAccreditation(identity().db, actorOf(c), params.institutionId, body.status)),
    })),
  ];
}
