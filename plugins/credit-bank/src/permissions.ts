/** The credit bank's permissions (known to the platform as `credit-bank.<name>`). */
export const permissions = {
  'records.read': "Read people's learning records and transcripts in the scope",
  'records.withdraw': 'Withdraw a learning record (with a reason; records are never deleted)',
  'records.import': 'Submit learning records for an institution, in bulk or one by hand',
  'certificates.review': 'Review certificates submitted for recognition (approve, reject, ask for evidence)',
  'providers.manage': 'Accredit providers: which institutions may award or verify which credits',
  'exchange.manage': 'Offer resources in the points exchange and manage their stock',
  'exchange.deliver': 'Mark redemptions delivered or cancel them',
} as const;

/**
 * Which core roles hold them, within their grant's scope. A registrar granted in an institution's
 * scope is that institution's verifier.
 */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  registrar: ['records.read', 'records.import', 'certificates.review'],
  issuer: ['records.import', 'exchange.manage', 'exchange.deliver'],
  'region-admin': [
    'records.read',
    'records.withdraw',
    'records.import',
    'certificates.review',
    'providers.manage',
    'exchange.manage',
    'exchange.deliver',
  ],
};
