/** The teacher development center's permissions (known as `teacher-development.<name>`). */
export const permissions = {
  'teachers.approve': 'Approve or reject teacher applications in the scope',
  'courses.review': 'Review submitted courses and publish or reject them',
  'pricing.manage': 'Recompute course prices on demand',
  'quality.manage': 'Recompute the quality teacher database and confirm recommendations',
  'studios.manage': 'Register micro-class studios and their free slots',
  'textbooks.publish': 'Review and publish textbooks as a publisher, and report sales',
} as const;

/**
 * Which core roles hold them, within their grant's scope. An `issuer` granted in an institution's
 * scope (the institution's API key, or its staff) acts for that institution: it decides about
 * teachers who name it, runs its studios and publishes as a publisher.
 */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  issuer: ['teachers.approve', 'studios.manage', 'textbooks.publish'],
  'region-admin': [
    'teachers.approve',
    'courses.review',
    'pricing.manage',
    'quality.manage',
    'studios.manage',
    'textbooks.publish',
  ],
};
