/** What the evidence file takes as documents, and how large. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
