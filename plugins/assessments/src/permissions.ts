/** The plugin's permissions (known as `assessments.<name>`). */
export const permissions = {
  author: 'Author every item bank and form of the region (people author their own banks without it)',
  'attempts.read': "Read everyone's attempts in the region, their answers included",
} as const;

/**
 * Which core roles hold them, within their grant's scope: a region's teachers author its banks,
 * its admins also read attempts. Authoring alone never shows anyone's answers.
 */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  teacher: ['author'],
  'region-admin': ['author', 'attempts.read'],
};
