/**
 * The media type the bytes really are, from their leading "magic" bytes, or null when unknown.
 * Upload handlers compare it with the declared `Content-Type`, so a renamed executable is refused
 * as a forged file type whatever the client claims.
 */
export function sniffContentType(bytes: Uint8Array): string | null {
  const starts = (signature: readonly number[], offset = 0) =>
    bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
  const ascii = (text: string, offset = 0) =>
    starts(
      [...text].map((ch) => ch.charCodeAt(0)),
      offset,
    );

  if (ascii('%PDF-')) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'image/gif';
  if (ascii('RIFF') && ascii('WEBP', 8)) return 'image/webp';
  if (ascii('ftyp', 4)) return 'video/mp4';
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii('ID3') || starts([0xff, 0xfb]) || starts([0xff, 0xf3]) || starts([0xff, 0xf2])) return 'audio/mpeg';
  return null;
}
