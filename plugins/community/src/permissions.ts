/** The plugin's permissions (known as `community.<name>`). */
export const permissions = {
  moderate: 'Moderate the region’s community: review queue, decisions, warnings, suspensions, appeals',
  'moderators.manage': 'Appoint and dismiss the region’s community moderators',
} as const;

/** A region's admins moderate its community and appoint its moderators (who moderate only). */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  'region-admin': ['moderate', 'moderators.manage'],
};
