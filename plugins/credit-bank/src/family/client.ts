import type { PluginRequest } from '@lifelong/sdk';
import type { FamilyAllowance, FamilyTransfer, FamilyTransferBody } from './schemas.js';

const id = encodeURIComponent;

/** SDK methods of family transfers (see ../client.ts). */
export const familyApi = (request: PluginRequest) => ({
  familyTransfer: (groupId: string, body: FamilyTransferBody) =>
    request<FamilyTransfer>('POST', `/family/groups/${id(groupId)}/transfers`, { body, retry: 'create' }),
  familyTransfers: (groupId: string) =>
    request.paginate((query, options) =>
      request<{ items: FamilyTransfer[]; nextCursor: string | null }>(
        'GET',
        `/family/groups/${id(groupId)}/transfers`,
        { query },
        options,
      ),
    ),
  familyAllowance: () => request<FamilyAllowance>('GET', '/family/allowance'),
});
