import type { Logger } from 'pino';
import { auditRoutes } from './audit/routes.js';
import type { Settings } from './config/settings.js';
import type { Database } from './db/database.js';
import { groupRoutes } from './groups/routes.js';
import type { RouteGroup } from './http/route.js';
import type { IdentityContext } from './identity/context.js';
import { accessRoutes } from './identity/routes/access-routes.js';
import { contactRoutes } from './identity/routes/contact-routes.js';
import { institutionRoutes } from './identity/routes/institution-routes.js';
import { passwordRoutes } from './identity/routes/password-routes.js';
import { peopleRoutes } from './identity/routes/people-routes.js';
import { sessionRoutes } from './identity/routes/session-routes.js';
import { twoFactorRoutes } from './identity/routes/two-factor-routes.js';
import { identityLedgerAccess, identityOwnerCheck } from './ledger/identity-access-policy.js';
import type { Ledger } from './ledger/ledger.js';
import { ledgerRoutes } from './ledger/routes.js';
import type { NotificationRegistry } from './notifications/registry.js';
import { notificationRoutes } from './notifications/routes.js';
import type { PersonalDataHub } from './privacy/personal-data.js';
import { privacyRoutes } from './privacy/routes.js';
import { regionRoutes } from './regions/routes.js';

/** What core route groups are built from. `db()` and `identity()` throw 503 until the platform has started. */
export interface CoreRouteDeps {
  db: () => Database;
  identity: () => IdentityContext;
  logger: Logger;
  settings: Settings;
  /** The platform's ledger service (routes and plugins share it, and its group-commit batcher). */
  ledger: Ledger;
  /** Ids of the registered national ID schemes (documented as the registration body's enum). */
  nationalIdSchemes?: readonly string[];
  notifications: NotificationRegistry;
  /** The plugins' personal-data hooks, run by data exports and erasures. */
  personalData: PersonalDataHub;
}

/** The core's own route groups, each a tag in OpenAPI. */
export function coreRouteGroups(deps: CoreRouteDeps): RouteGroup[] {
  return [
    {
      prefix: '',
      tag: 'People',
      description: 'Real-name registration, lifelong learner numbers, verification, guardians, merges.',
      routes: peopleRoutes(deps.identity, deps.nationalIdSchemes),
    },
    {
      prefix: '',
      tag: 'Sessions',
      description: 'Password sign-in, token refresh and sign-out.',
      routes: sessionRoutes(deps.identity, deps.settings.trustProxy),
    },
    {
      prefix: '',
      tag: 'Passwords',
      description: 'Changing a password, resetting one with a code, and guardians setting a minor’s.',
      routes: passwordRoutes(deps.identity, deps.settings.trustProxy),
    },
    {
      prefix: '',
      tag: 'Two-factor',
      description: 'Authenticator apps (TOTP, RFC 6238) as a second sign-in factor, and recovery codes.',
      routes: twoFactorRoutes(deps.identity, deps.settings.trustProxy),
    },
    {
      prefix: '',
      tag: 'Contacts',
      description: 'A person’s email and mobile number, verified by one-time codes; password reset codes.',
      routes: contactRoutes(deps.identity, deps.settings.trustProxy),
    },
    { prefix: '', tag: 'Access', description: 'Role grants and API keys.', routes: accessRoutes(deps.identity) },
    {
      prefix: '',
      tag: 'Institutions',
      description: 'Schools, universities, training providers, companies, publishers and government bodies.',
      routes: institutionRoutes(deps.identity),
    },
    {
      prefix: '',
      tag: 'Groups',
      description: 'Family, school, collective and interest groups, with invitations and consent.',
      routes: groupRoutes(deps.identity),
    },
    {
      prefix: '',
      tag: 'Regions',
      description: 'Who operates: countries, provinces, cities.',
      routes: regionRoutes(deps.db),
    },
    { prefix: '', tag: 'Audit', description: 'The append-only audit log.', routes: auditRoutes(deps.db) },
    {
      prefix: '',
      tag: 'Notifications',
      description: "A person's in-app inbox: what the platform and its centers have told them, in their language.",
      routes: notificationRoutes(deps.db, deps.notifications, () => deps.identity().now()),
    },
    {
      prefix: '',
      tag: 'Privacy',
      description: "A person's data export and erasure requests (PIPL, GDPR): the core's part and every plugin's.",
      routes: privacyRoutes(deps.identity, deps.personalData),
    },
    ledgerRoutes({
      db: deps.db,
      ledger: deps.ledger,
      access: identityLedgerAccess(deps.identity),
      owners: identityOwnerCheck(deps.identity),
    }),
  ];
}
