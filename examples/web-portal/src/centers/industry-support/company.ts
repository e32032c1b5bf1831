import industrySupport from '@lifelong/plugin-industry-support/client';
import { createClient, type LifelongClient } from '@lifelong/sdk';
import { shallowRef, watch } from 'vue';
import { currentRegion } from '../../api.js';
import { state } from '../../session.js';

/** The industry support calls, as the company's system (its API key). */
export type CompanyClient = LifelongClient<[typeof industrySupport]>;

export interface CompanyKey {
  client: CompanyClient;
  institutionId: string;
  name: string;
}

/** A key that is valid but is not a company's `industry-partner` key. */
export class NotCompanyKey extends Error {}

/**
 * Needs are written by an accredited company through its API key (the plugin's contracts: "an
 * accredited company of the region, through its API key"), not by a person's session. The company's
 * staff paste the key once per tab: it is kept in this tab's memory only (never in storage), and
 * forgotten on sign-out or reload.
 */
export const companyKey = shallowRef<CompanyKey>();

watch(
  () => state.me,
  (me) => {
    if (!me) companyKey.value = undefined;
  },
);

/** Checks a pasted key (who it is, which company) and keeps it for the company pages. */
export async function useCompanyKey(apiKey: string): Promise<CompanyKey> {
  const client: CompanyClient = createClient({
    baseUrl: window.location.origin,
    region: currentRegion(),
    auth: { apiKey },
    plugins: [industrySupport],
    timeoutMs: 15_000,
  });
  const me = await client.me.get();
  const grant = me.roles.find((g) => g.role === 'industry-partner' && g.scope.type === 'institution' && g.scope.id);
  if (me.kind !== 'apiKey' || !grant?.scope.id) throw new NotCompanyKey();
  const institution = await client.institutions.get({ institutionId: grant.scope.id });
  if (institution.kind !== 'company') throw new NotCompanyKey();
  const kept = { client, institutionId: institution.id, name: institution.name };
  companyKey.value = kept;
  return kept;
}

export const forgetCompanyKey = (): void => {
  companyKey.value = undefined;
};
