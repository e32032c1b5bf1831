/** The plugin's permissions (known as `learning-records.<name>`). */
export const permissions = {
  'credentials.manage': "Create, list and revoke an institution's LRS credentials",
} as const;

/**
 * Which core roles hold them, within their grant's scope: an institution's issuer (its system's
 * API key, or staff granted `issuer` for the institution) manages that institution's credentials;
 * a region admin those of the region's institutions.
 */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  issuer: ['credentials.manage'],
  'region-admin': ['credentials.manage'],
};
