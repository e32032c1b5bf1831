import type { PluginRequest } from '@lifelong/sdk';
import type { CreateProviderBody, Provider, UpdateProviderBody } from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const at = (id: string) => encodeURIComponent(id);

/** SDK methods of the accredited providers registry (see ../client.ts). */
export const providersApi = (request: PluginRequest) => ({
  providers: (institutionId?: string) =>
    request.paginate((query, options) =>
      request<Page<Provider>>('GET', '/providers', { query: { ...query, institutionId } }, options),
    ),
  provider: (providerId: string) => request<Provider>('GET', `/providers/${at(providerId)}`),
  accreditProvider: (body: CreateProviderBody) => request<Provider>('POST', '/providers', { body }),
  updateProvider: (providerId: string, body: UpdateProviderBody) =>
    request<Provider>('PATCH', `/providers/${at(providerId)}`, { body }),
});
