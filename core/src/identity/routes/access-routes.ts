import { decodeCursor, isUuidKey, toPage } from '../../http/pagination.js';
import { actorOf } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from '../api-keys.js';
import { regionsWhereRole } from '../authorize.js';
import type { IdentityContext } from '../context.js';
import { readPerson } from '../people-service.js';
import { grantRole, listGrants, type RoleGrantRow, revokeGrant } from '../roles-service.js';
import * as contract from './access-contract.js';

const toGrantView = (g: RoleGrantRow) => ({
  id: g.id,
  role: g.role,
  scope: g.scopeId ? { type: g.scopeType, id: g.scopeId } : { type: g.scopeType },
  grantedBy: g.grantedBy,
  createdAt: g.createdAt.toISOString(),
});

const toKeyView = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  keyPrefix: k.keyPrefix,
  role: k.role,
  scope: k.scopeId ? { type: k.scopeType, id: k.scopeId } : { type: k.scopeType },
  institutionId: k.institutionId,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export function accessRoutes(identity: () => IdentityContext) {
  return [
    route(contract.grantRole, async ({ params, body }, c) => {
      const grant = await grantRole(identity(), actorOf(c), params.learnerNumber, body.role, body.scope);
      return { status: 201, body: toGrantView(grant) };
    }),
    route(contract.listRoles, async ({ params }, c) => {
      const ctx = identity();
      const person = await readPerson(ctx, actorOf(c), params.learnerNumber);
      return { status: 200, body: { items: (await listGrants(ctx, person.id)).map(toGrantView) } };
    }),
    route(contract.revokeRole, async ({ params }, c) => {
      await revokeGrant(identity(), actorOf(c), params.learnerNumber, params.grantId);
      return { status: 204, body: undefined };
    }),
    route(contract.createApiKey, async ({ body }, c) => {
      const { key, row } = await createApiKey(identity().db, actorOf(c), body);
      return { status: 201, body: { ...toKeyView(row), key } };
    }),
    route(contract.listApiKeys, async ({ query }, c) => {
      const limit = query.limit ?? 50;
      const before = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
      const regions = regionsWhereRole(c.get('principal'), 'region-admin');
      const rows = await listApiKeys(identity().db, regions, { limit, before });
      return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id }), toKeyView) };
    }),
    route(contract.revokeApiKey, async ({ params }, c) => {
      await revokeApiKey(identity().db, actorOf(c), params.keyId);
      return { status: 204, body: undefined };
    }),
  ];
}
