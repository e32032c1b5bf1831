import type { PluginRequest } from '@lifelong/sdk';
import type { Static } from '@sinclair/typebox';
import type {
  CreateResourceBody,
  RedeemBody,
  Redemption,
  Resource,
  ResourceKind,
  UpdateResourceBody,
} from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type RedemptionStatus = Redemption['status'];
const id = encodeURIComponent;

/** SDK methods of the exchange (see ../client.ts). */
export const exchangeApi = (request: PluginRequest) => ({
  offerResource: (body: CreateResourceBody) =>
    request<Resource>('POST', '/exchange/resources', { body, retry: 'create' }),
  updateResource: (resourceId: string, body: Static<typeof UpdateResourceBody>) =>
    request<Resource>('PATCH', `/exchange/resources/${id(resourceId)}`, { body }),
  resources: (filter: { kind?: Static<typeof ResourceKind> } = {}) =>
    request.paginate((query, options) =>
      request<Page<Resource>>('GET', '/exchange/resources', { query: { ...filter, ...query } }, options),
    ),
  resource: (resourceId: string) => request<Resource>('GET', `/exchange/resources/${id(resourceId)}`),
  /** Holds the price on your points (or, for learning resources, `payWith: 'vouchers'`). */
  redeem: (resourceId: string, body: Static<typeof RedeemBody> = {}) =>
    request<Redemption>('POST', `/exchange/resources/${id(resourceId)}/redemptions`, { body, retry: 'create' }),
  resourceRedemptions: (resourceId: string, filter: { status?: RedemptionStatus } = {}) =>
    request.paginate((query, options) =>
      request<Page<Redemption>>(
        'GET',
        `/exchange/resources/${id(resourceId)}/redemptions`,
        { query: { ...filter, ...query } },
        options,
      ),
    ),
  myRedemptions: (filter: { status?: RedemptionStatus } = {}) =>
    request.paginate((query, options) =>
      request<Page<Redemption>>('GET', '/exchange/redemptions', { query: { ...filter, ...query } }, options),
    ),
  deliver: (redemptionId: string) => request<Redemption>('POST', `/exchange/redemptions/${id(redemptionId)}/deliver`),
  cancelRedemption: (redemptionId: string) =>
    request<Redemption>('POST', `/exchange/redemptions/${id(redemptionId)}/cancel`),
});
