import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { CredentialsConfig } from './config.js';
import { distribution } from './distribution.js';
import { registerIssuance } from './issuance/routes.js';
import { registerIssuers } from './issuers/routes.js';
import { permissions, roles } from './permissions.js';
import { registerStatus } from './status/routes.js';
import { registerVerification } from './verification/routes.js';

export { CredentialsConfig } from './config.js';
export * from './schemas.js';

/**
 * Verifiable credentials: an Open Badges 3.0 credential per credit-bank record and a CLR 2.0
 * transcript, each signed as a VC-JWT and with an eddsa-rdfc-2022 proof by the region's did:web
 * issuer; a Bitstring Status List for revocation; a public verifier and verification page.
 */
const credentials = definePlugin({
  id: 'credentials',
  version: pkg.version,
  description: 'Open Badges 3.0 and CLR 2.0 verifiable credentials, did:web issuers, revocation, a public verifier',
  requires: { core: '^0.1.0', plugins: { 'credit-bank': '^0.1.0' } },
  config: CredentialsConfig,
  migrations: new URL('../drizzle', import.meta.url),
  distribution,
  permissions,
  roles,
  register(p) {
    registerIssuers(p);
    registerIssuance(p);
    registerVerification(p);
    registerStatus(p);
  },
});

export default credentials;
