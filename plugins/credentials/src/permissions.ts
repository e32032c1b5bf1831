/** The plugin's permissions (known as `credentials.<name>`). */
export const permissions = {
  issue: "Issue credentials and transcripts for anyone's records in the region",
  'keys.rotate': "Rotate the region issuer's signing key",
} as const;

/** Registrars issue for the records they keep; region admins also rotate keys. */
export const roles: Record<string, (keyof typeof permissions)[]> = {
  registrar: ['issue'],
  'region-admin': ['issue', 'keys.rotate'],
};
