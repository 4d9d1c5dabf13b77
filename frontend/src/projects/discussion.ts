// The rules of a project's discussion as the tab applies them: what the composer may send, which
// messages are the reader's own, how pages of the thread fit together. The server checks the
// same limits (backend/domain/project_message.go).
import type { ProjectMessage } from '../api/types';

export const MAX_AUTHOR_LENGTH = 100;
export const MAX_MESSAGE_LENGTH = 10_000;
/** Messages fetched at a time, the newest first. */
export const MESSAGES_PAGE = 50;
/** Where the writer's name is remembered on this computer (no accounts yet). */
export const AUTHOR_STORAGE_KEY = 'civisphere.discussion.author';

/** Characters as the server counts them (code points, not UTF-16 units: an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** A name as the server keeps it: trimmed, inner spaces collapsed. */
export function normalizeAuthor(name: string): string {
  return name.trim().split(/\s+/).filter(Boolean).join(' ');
}

/** The text as the server keeps it: line breaks written \n, trimmed. */
export function normalizeBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

export type ComposerProblem = 'authorRequired' | 'authorTooLong' | 'bodyRequired' | 'bodyTooLong';

/** What stops the composer from sending, in the order of its fields. */
export function composerProblems(author: string, body: string): ComposerProblem[] {
  const problems: ComposerProblem[] = [];
  const name = normalizeAuthor(author);
  if (!name) problems.push('authorRequired');
  else if (charCount(name) > MAX_AUTHOR_LENGTH) problems.push('authorTooLong');
  const text = normalizeBody(body);
  if (!text) problems.push('bodyRequired');
  else if (charCount(text) > MAX_MESSAGE_LENGTH) problems.push('bodyTooLong');
  return problems;
}

/** Characters left before the text limit; negative when over it. */
export function remainingChars(body: string): number {
  return MAX_MESSAGE_LENGTH - charCount(normalizeBody(body));
}

/** Whether to show how many characters are left: only near the limit, not as noise. */
export function showRemaining(body: string): boolean {
  return remainingChars(body) < MAX_MESSAGE_LENGTH / 10;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  isComposing?: boolean;
}

/** Ctrl+Enter (⌘+Enter on a Mac) sends; Enter alone makes a new line; never while an input method composes. */
export function isSendShortcut(e: KeyLike): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && !e.isComposing;
}

function sameName(a: string, b: string): boolean {
  return normalizeAuthor(a).toLocaleLowerCase() === normalizeAuthor(b).toLocaleLowerCase();
}

/** Whether a message was written under the name remembered on this computer. */
export function isOwnMessage(message: Pick<ProjectMessage, 'author'>, me: string): boolean {
  return normalizeAuthor(me) !== '' && sameName(message.author, me);
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled
  }
}

/** The name remembered on this computer, "" when none. */
export function readAuthor(storage: StorageLike | null = defaultStorage()): string {
  try {
    return normalizeAuthor(storage?.getItem(AUTHOR_STORAGE_KEY) ?? '').slice(0, 4 * MAX_AUTHOR_LENGTH);
  } catch {
    return '';
  }
}

export function rememberAuthor(name: string, storage: StorageLike | null = defaultStorage()): void {
  try {
    storage?.setItem(AUTHOR_STORAGE_KEY, normalizeAuthor(name));
  } catch {
    // Storage may be full or disabled: the name is typed again next time.
  }
}

/**
 * Puts an older page (or a new message) together with what is shown: each message once, in the
 * order they were written (IDs grow with time), the newest last.
 */
export function mergeMessages(shown: readonly ProjectMessage[], incoming: readonly ProjectMessage[]): ProjectMessage[] {
  const byId = new Map<string, ProjectMessage>();
  for (const m of [...shown, ...incoming]) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/** One or two letters for a name's badge: "Élodie Martin" → "ÉM", "Ольга" → "О". */
export function authorInitials(name: string): string {
  const words = normalizeAuthor(name).split(' ').filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('');
}

/** A hue from 0 to 359 for a name, so that each writer keeps one colour in the thread. */
export function authorHue(name: string): number {
  let hash = 0;
  for (const ch of normalizeAuthor(name).toLocaleLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) % 360;
  return hash;
}
