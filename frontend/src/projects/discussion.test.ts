import { describe, expect, it } from 'vitest';
import type { ProjectMessage } from '../api/types';
import {
  AUTHOR_STORAGE_KEY,
  authorHue,
  authorInitials,
  charCount,
  composerProblems,
  isOwnMessage,
  isSendShortcut,
  MAX_AUTHOR_LENGTH,
  MAX_MESSAGE_LENGTH,
  mergeMessages,
  readAuthor,
  rememberAuthor,
  remainingChars,
  showRemaining,
} from './discussion';

function message(id: string, author = 'Élodie Martin'): ProjectMessage {
  return { id, projectId: '1', author, body: `Message ${id}`, createdAt: '2026-11-25T14:00:00Z', editedAt: '' };
}

describe('composer rules', () => {
  it('needs a name and a text', () => {
    expect(composerProblems('Élodie', 'Bonjour à tous')).toEqual([]);
    expect(composerProblems('  ', ' \n\t ')).toEqual(['authorRequired', 'bodyRequired']);
  });

  it('counts characters as the server does: an emoji or an accented letter is one', () => {
    expect(charCount('🎉é')).toBe(2);
    expect(composerProblems('Ж'.repeat(MAX_AUTHOR_LENGTH), '🎉'.repeat(MAX_MESSAGE_LENGTH))).toEqual([]);
    expect(composerProblems('Ж'.repeat(MAX_AUTHOR_LENGTH + 1), '🎉'.repeat(MAX_MESSAGE_LENGTH + 1))).toEqual([
      'authorTooLong',
      'bodyTooLong',
    ]);
  });

  it('does not count the spaces and line breaks the server trims', () => {
    const text = `\r\n  ${'a'.repeat(MAX_MESSAGE_LENGTH)}  \r\n`;
    expect(composerProblems('Zoé', text)).toEqual([]);
    expect(remainingChars(text)).toBe(0);
  });

  it('shows the characters left only near the limit', () => {
    expect(showRemaining('Bonjour')).toBe(false);
    expect(showRemaining('a'.repeat(MAX_MESSAGE_LENGTH - 10))).toBe(true);
    expect(remainingChars('a'.repeat(MAX_MESSAGE_LENGTH + 3))).toBe(-3);
  });

  it('sends on Ctrl+Enter or ⌘+Enter only', () => {
    const key = { key: 'Enter', ctrlKey: false, metaKey: false };
    expect(isSendShortcut({ ...key, ctrlKey: true })).toBe(true);
    expect(isSendShortcut({ ...key, metaKey: true })).toBe(true);
    expect(isSendShortcut(key)).toBe(false);
    expect(isSendShortcut({ ...key, ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isSendShortcut({ ...key, ctrlKey: true, isComposing: true })).toBe(false);
    expect(isSendShortcut({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });
});

describe('own messages', () => {
  it('are those written under the remembered name, whatever the case and spaces', () => {
    expect(isOwnMessage(message('1', 'Élodie Martin'), '  élodie   MARTIN ')).toBe(true);
    expect(isOwnMessage(message('1', 'Ольга'), 'ольга')).toBe(true);
    expect(isOwnMessage(message('1', 'Élodie Martin'), 'Élodie')).toBe(false);
  });

  it('are none when no name is remembered', () => {
    expect(isOwnMessage(message('1', ''), '')).toBe(false);
    expect(isOwnMessage(message('1', 'Zoé'), '   ')).toBe(false);
  });
});

describe('remembered name', () => {
  it('is kept in local storage, tidied', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(readAuthor(storage)).toBe('');
    rememberAuthor('  Élodie   Martin ', storage);
    expect(data.get(AUTHOR_STORAGE_KEY)).toBe('Élodie Martin');
    expect(readAuthor(storage)).toBe('Élodie Martin');
  });

  it('survives a storage that refuses', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readAuthor(broken)).toBe('');
    expect(() => rememberAuthor('Zoé', broken)).not.toThrow();
    expect(readAuthor(null)).toBe('');
  });
});

describe('mergeMessages', () => {
  it('puts an older page before the shown messages, each once, the newest last', () => {
    const shown = [message('9'), message('10'), message('12')];
    const older = [message('3'), message('9')];
    expect(mergeMessages(shown, older).map((m) => m.id)).toEqual(['3', '9', '10', '12']);
  });

  it('adds a new message at the end and keeps the latest copy of one seen twice', () => {
    const edited = { ...message('10'), body: 'Corrigé' };
    const merged = mergeMessages([message('9'), message('10')], [edited, message('11')]);
    expect(merged.map((m) => m.id)).toEqual(['9', '10', '11']);
    expect(merged[1]!.body).toBe('Corrigé');
  });
});

describe('author badge', () => {
  it('takes the first letters of the first and last names, in any script', () => {
    expect(authorInitials('Élodie Martin')).toBe('ÉM');
    expect(authorInitials('  jean-pierre de la Fontaine ')).toBe('JF');
    expect(authorInitials('Ольга')).toBe('О');
    expect(authorInitials('Nguyễn Văn An')).toBe('NA');
    expect(authorInitials('')).toBe('');
  });

  it('gives each name one colour', () => {
    expect(authorHue('Élodie Martin')).toBe(authorHue(' élodie  martin'));
    expect(authorHue('Élodie Martin')).toBeGreaterThanOrEqual(0);
    expect(authorHue('Élodie Martin')).toBeLessThan(360);
    expect(authorHue('Élodie Martin')).not.toBe(authorHue('Zoé Lefèvre'));
  });
});
