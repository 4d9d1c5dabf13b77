import { describe, expect, it } from 'vitest';
import { bytesToBase64, checkLogo, detectImageKind, MAX_LOGO_BYTES } from './logo';

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_HEADER = [0xff, 0xd8, 0xff, 0xe0];

function file(header: number[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(header);
  return bytes;
}

describe('logo checks', () => {
  it('recognises PNG and JPEG by their first bytes', () => {
    expect(detectImageKind(file(PNG_HEADER, 64))).toBe('png');
    expect(detectImageKind(file(JPEG_HEADER, 64))).toBe('jpeg');
    expect(detectImageKind(new TextEncoder().encode('GIF89a........'))).toBeNull();
    expect(detectImageKind(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageKind(new Uint8Array(0))).toBeNull();
  });

  it('accepts up to exactly 2 MB', () => {
    expect(checkLogo(file(PNG_HEADER, MAX_LOGO_BYTES))).toBeNull();
    expect(checkLogo(file(PNG_HEADER, MAX_LOGO_BYTES + 1))).toEqual({ kind: 'tooLarge', sizeBytes: MAX_LOGO_BYTES + 1 });
  });

  it('refuses other formats', () => {
    expect(checkLogo(new TextEncoder().encode('GIF89a'))).toEqual({ kind: 'invalidType' });
  });

  it('encodes to standard base64, large files included', () => {
    expect(bytesToBase64(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('/9j/');
    expect(bytesToBase64(new TextEncoder().encode('Civisphère'))).toBe(Buffer.from('Civisphère').toString('base64'));
    const big = file(PNG_HEADER, MAX_LOGO_BYTES);
    for (let i = 8; i < big.length; i++) big[i] = i % 251;
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
