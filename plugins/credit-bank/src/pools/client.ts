import type { PluginRequest } from '@lifelong/sdk';
import type { Pool, PoolMovement, SpendRequest } from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const id = encodeURIComponent;

/** SDK methods of group pools (see ../client.ts). */
export const poolsApi = (request: PluginRequest) => ({
  pool: (groupId: string) => request<Pool>('GET', `/pools/${id(groupId)}`),
  poolMovements: (groupId: string) =>
    request.paginate((query, options) =>
      request<Page<PoolMovement>>('GET', `/pools/${id(groupId)}/movements`, { query }, options),
    ),
  contribute: (groupId: string, points: string) =>
    request<PoolMovement>('POST', `/pools/${id(groupId)}/contributions`, { body: { points }, retry: 'create' }),
  requestSpend: (groupId: string, resourceId: string) =>
    request<SpendRequest>('POST', `/pools/${id(groupId)}/spend-requests`, { body: { resourceId }, retry: 'create' }),
  spendRequests: (groupId: string) =>
    request.paginate((query, options) =>
      request<Page<SpendRequest>>('GET', `/pools/${id(groupId)}/spend-requests`, { query }, options),
    ),
  approveSpend: (groupId: string, requestId: string) =>
    request<SpendRequest>('POST', `/pools/${id(groupId)}/spend-requests/${id(requestId)}/approvals`),
});
