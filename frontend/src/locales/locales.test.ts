import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree as "a.b.c" → message. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** The {placeholders} of a message, e.g. {name}, {'@'} (vue-i18n literal). */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([^{}]+?)\s*\}/g)].map((m) => m[1]!).sort();
}

const locales = { fr: flatten(fr as Tree), en: flatten(en as Tree) };

describe('locale files', () => {
  it('have the same keys in French and English', () => {
    const missingInEn = [...locales.fr.keys()].filter((k) => !locales.en.has(k));
    const missingInFr = [...locales.en.keys()].filter((k) => !locales.fr.has(k));
    expect({ missingInEn, missingInFr }).toEqual({ missingInEn: [], missingInFr: [] });
  });

  it('contain only non-empty strings', () => {
    const bad: string[] = [];
    for (const [lang, messages] of Object.entries(locales)) {
      for (const [key, value] of messages) {
        if (typeof value !== 'string' || value.trim() === '') bad.push(`${lang}:${key}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched: string[] = [];
    for (const [key, frMessage] of locales.fr) {
      const enMessage = locales.en.get(key);
      if (typeof frMessage !== 'string' || typeof enMessage !== 'string') continue;
      const a = placeholders(frMessage).join(',');
      const b = placeholders(enMessage).join(',');
      if (a !== b) mismatched.push(`${key}: fr {${a}} ≠ en {${b}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('avoid characters vue-i18n would read as syntax', () => {
    // "@" starts a linked message and "|" separates plural forms: write {'@'} and {'|'} instead.
    const bad: string[] = [];
    for (const [lang, messages] of Object.entries(locales)) {
      for (const [key, value] of messages) {
        const withoutLiterals = String(value).replace(/\{'[^']*'\}/g, '');
        if (/[@|]/.test(withoutLiterals)) bad.push(`${lang}:${key}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('use typographic apostrophes in French', () => {
    const bad = [...locales.fr].filter(([, v]) => String(v).includes("'") && !/\{'[^']*'\}/.test(String(v)));
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});
