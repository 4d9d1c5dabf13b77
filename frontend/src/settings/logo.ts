// Client-side checks for the organisation logo, done before anything is sent to the server.
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export type LogoKind = 'png' | 'jpeg';

/** Detects PNG or JPEG from the first bytes (the file's type and name can lie). */
export function detectImageKind(bytes: Uint8Array): LogoKind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

export type LogoProblem = { kind: 'tooLarge'; sizeBytes: number } | { kind: 'invalidType' };

/** Why this file cannot be the logo, or null when it can. */
export function checkLogo(bytes: Uint8Array): LogoProblem | null {
  if (bytes.length > MAX_LOGO_BYTES) return { kind: 'tooLarge', sizeBytes: bytes.length };
  if (detectImageKind(bytes) === null) return { kind: 'invalidType' };
  return null;
}

export function mimeType(kind: LogoKind): string {
  return kind === 'png' ? 'image/png' : 'image/jpeg';
}

/** Standard base64 of the bytes, in chunks so that large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
