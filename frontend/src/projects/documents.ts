// The rules of a project's documents as the tab applies them: which icon a document gets, the
// size limit checked before sending, and which links may be added and shown. The server checks
// the same (backend/domain/project_document.go).
import type { ProjectDocument } from '../api/types';

/** The largest file the server takes, when the list has not said (domain.MaxDocumentBytes). */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_LINK_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 200;

export type DocumentIcon = 'pdf' | 'text' | 'sheet' | 'slides' | 'image' | 'archive' | 'audio' | 'video' | 'link' | 'file';

const BY_EXTENSION: Record<string, DocumentIcon> = {
  pdf: 'pdf',
  doc: 'text', docx: 'text', odt: 'text', rtf: 'text', txt: 'text', md: 'text',
  xls: 'sheet', xlsx: 'sheet', ods: 'sheet', csv: 'sheet', tsv: 'sheet',
  ppt: 'slides', pptx: 'slides', odp: 'slides', key: 'slides',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', svg: 'image', heic: 'image', tif: 'image', tiff: 'image', bmp: 'image',
  zip: 'archive', '7z': 'archive', rar: 'archive', gz: 'archive', tgz: 'archive',
  mp3: 'audio', wav: 'audio', ogg: 'audio', m4a: 'audio', flac: 'audio',
  mp4: 'video', mov: 'video', avi: 'video', mkv: 'video', webm: 'video',
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The icon of a document. The extension says more than the type read from the content (a .docx
 * or .xlsx reads as a zip archive), so it comes first; the type decides for unknown extensions.
 */
export function documentIcon(doc: Pick<ProjectDocument, 'kind' | 'fileName' | 'mediaType'>): DocumentIcon {
  if (doc.kind === 'link') return 'link';
  const byName = BY_EXTENSION[extensionOf(doc.fileName)];
  if (byName) return byName;
  const type = doc.mediaType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('text/plain')) return 'text';
  if (type.includes('zip') || type.includes('rar') || type.includes('gzip')) return 'archive';
  return 'file';
}

/** Whether a file is over the limit, so that it is refused before a long upload for nothing. */
export function isTooLarge(size: number, maxBytes: number): boolean {
  return size > maxBytes;
}

/** The upload's progress as a whole percentage, 0 when the total is not known yet. */
export function uploadPercent(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The address as the server keeps it: trimmed, https:// added when no scheme is written. */
export function normalizeLinkUrl(raw: string): string {
  const url = raw.trim();
  return url && !HAS_SCHEME.test(url) ? `https://${url}` : url;
}

export type LinkProblem = 'required' | 'invalid';

/**
 * What is wrong with a link's address, or null: only http and https (never javascript:, data:,
 * file:), with a host, without a user name that would hide where it leads, without spaces.
 */
export function linkUrlProblem(raw: string): LinkProblem | null {
  const url = normalizeLinkUrl(raw);
  if (!url) return 'required';
  return safeLinkHref(url) ? null : 'invalid';
}

/** The address to put in an href, or null when it is not a plain web link. */
export function safeLinkHref(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  if ([...url].length > MAX_LINK_LENGTH || /[\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return url;
}

/** The host a link leads to, shown under its title ("drive.example.org"). */
export function linkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

