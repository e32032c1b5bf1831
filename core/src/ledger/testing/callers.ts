import type { TestPlatform, TestResponse } from '../../testing/index.js';

/** The body of a 2xx answer; throws with the problem otherwise (fixtures, not assertions). */
// biome-ignore lint/suspicious/noExplicitAny: fixture bodies are read by the tests that use them.
export async function okBody(res: TestResponse, what: string): Promise<Record<string, any>> {
  const body = await res.json();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A request as the platform admin that must succeed. */
export const asAdmin = (t: TestPlatform, path: string, json: unknown, method = 'POST') =>
  t.request(path, { method, json, auth: 'admin' }).then((res) => okBody(res, `${method} ${path}`));

export type Accreditation = 'accredited' | 'pending' | 'suspended';

/**
 * An institution in region `default` in the given state, an `issuer` API key of it and a person
 * holding `issuer` in its scope: the issuers the ledger policy tells apart.
 */
export async function issuingInstitution(t: TestPlatform, status: Accreditation) {
  const inst = await asAdmin(t, '/v1/institutions', { name: `School ${status}`, kind: 'school', regionId: 'default' });
  if (status !== 'pending') await asAdmin(t, `/v1/institutions/${inst.id}/accreditation`, { status }, 'PUT');
  const key = await asAdmin(t, '/v1/api-keys', { name: `${status} issuer`, role: 'issuer', institutionId: inst.id });
  const staff = await t.person({ roles: [{ role: 'issuer', scope: { type: 'institution', id: inst.id } }] });
  return { id: inst.id as string, key: key.key as string, staff: staff.token };
}
