/** The plugin's permissions (known as `quality-control.<name>`). */
export const permissions = {
  read: 'Read every figure of the scopes in the grant (a region, or an institution and what is below it)',
  manage: 'Record data, set targets, handle alerts and improvement actions in the scopes of the grant',
  'library.manage': "Choose the region's indicator packs and define its own indicators",
} as const;

/**
 * Which core roles hold them, within their grant's scope: a region's admins run its quality
 * control; an institution's registrars (its quality office) manage the institution's scopes; an
 * institution's API key (`issuer`) reads them. Teachers hold nothing: they read their own teacher
 * scope by being that teacher, and learners read `public` indicators' aggregates.
 */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  'region-admin': ['read', 'manage', 'library.manage'],
  registrar: ['read', 'manage'],
  issuer: ['read'],
};
