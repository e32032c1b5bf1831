/** The plugin's permissions (known as `industry-support.<name>`). */
export const permissions = {
  'taxonomies.manage':
    "Create taxonomy versions, import files, add the region's own skills and occupations, crosswalks and evidence rules",
  'needs.read': "Read every need of the region and its cohort's aggregates (never a learner's personal data)",
} as const;

/** A region's admins keep its taxonomies and oversee its needs, within their grant's scope. */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  'region-admin': ['taxonomies.manage', 'needs.read'],
};
