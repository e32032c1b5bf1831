/** The plugin's permissions (known as `evaluation-consultation.<name>`). */
export const permissions = {
  'engagements.manage': 'Open engagements with the region’s schools, staff their teams, and see every one of them',
  'templates.manage': 'Add the region’s own engagement templates (frameworks)',
  'experts.manage': 'Keep the region’s expert registry',
} as const;

/** A region's admins hold all three, in their region. Teams and schools act through their engagement roles. */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  'region-admin': ['engagements.manage', 'templates.manage', 'experts.manage'],
};
