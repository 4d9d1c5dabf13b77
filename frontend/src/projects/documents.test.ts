import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../format/format';
import {
  DEFAULT_MAX_FILE_BYTES,
  documentIcon,
  isTooLarge,
  linkHost,
  linkUrlProblem,
  normalizeLinkUrl,
  safeLinkHref,
  uploadPercent,
} from './documents';

const NBSP = '\u00a0';

function file(fileName: string, mediaType = 'application/octet-stream') {
  return { kind: 'file' as const, fileName, mediaType };
}

describe('documentIcon', () => {
  it('goes by the extension first: office files read as zip archives', () => {
    expect(documentIcon(file('Œuvre — procès-verbal.PDF'))).toBe('pdf');
    expect(documentIcon(file('Отчёт.docx', 'application/zip'))).toBe('text');
    expect(documentIcon(file('Budget 2027.xlsx', 'application/zip'))).toBe('sheet');
    expect(documentIcon(file('Présentation.odp', 'application/zip'))).toBe('slides');
    expect(documentIcon(file('photo.JPG', 'image/jpeg'))).toBe('image');
    expect(documentIcon(file('archives.zip', 'application/zip'))).toBe('archive');
  });

  it('then by the type read from the content', () => {
    expect(documentIcon(file('scan', 'application/pdf'))).toBe('pdf');
    expect(documentIcon(file('photo', 'image/png'))).toBe('image');
    expect(documentIcon(file('note', 'text/plain; charset=utf-8'))).toBe('text');
    expect(documentIcon(file('enregistrement', 'audio/mpeg'))).toBe('audio');
    expect(documentIcon(file('passwd', 'application/octet-stream'))).toBe('file');
    expect(documentIcon({ kind: 'link', fileName: '', mediaType: '' })).toBe('link');
  });
});

describe('file size', () => {
  it('refuses a file over the limit before sending it', () => {
    expect(isTooLarge(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_BYTES)).toBe(false);
    expect(isTooLarge(DEFAULT_MAX_FILE_BYTES + 1, DEFAULT_MAX_FILE_BYTES)).toBe(true);
  });

  it('is written in the reader’s units', () => {
    expect(formatFileSize(DEFAULT_MAX_FILE_BYTES, 'fr')).toBe(`25${NBSP}Mo`);
    expect(formatFileSize(DEFAULT_MAX_FILE_BYTES, 'en')).toBe(`25${NBSP}MB`);
    expect(formatFileSize(1536, 'fr')).toBe(`1,5${NBSP}Ko`);
    expect(formatFileSize(812, 'en')).toBe(`812${NBSP}bytes`);
  });

  it('gives whole percentages of an upload', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(1, 3)).toBe(33);
    expect(uploadPercent(3, 3)).toBe(100);
    expect(uploadPercent(5, 3)).toBe(100);
  });
});

describe('links', () => {
  it('accepts web addresses, adding https:// as the server does', () => {
    expect(normalizeLinkUrl('  www.jardins-besancon.fr/statuts ')).toBe('https://www.jardins-besancon.fr/statuts');
    expect(linkUrlProblem('www.jardins-besancon.fr/statuts')).toBeNull();
    expect(linkUrlProblem('https://drive.example.org/d/Отчёт?x=1#p2')).toBeNull();
    expect(linkUrlProblem('http://nas:5000/partage')).toBeNull();
  });

  it('refuses what is not a plain web link', () => {
    expect(linkUrlProblem('   ')).toBe('required');
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///C:/Windows/win.ini',
      'vbscript:msgbox',
      'https://banque.fr@ailleurs.example/',
      'https://asso.fr/mon fichier',
      'https://asso.fr/\u202efdp.exe',
      `https://asso.fr/${'a'.repeat(2000)}`,
    ]) {
      expect(linkUrlProblem(url), url).toBe('invalid');
    }
  });

  it('puts only web links in an href', () => {
    expect(safeLinkHref('https://asso.fr/')).toBe('https://asso.fr/');
    expect(safeLinkHref('javascript:alert(1)')).toBeNull();
    expect(safeLinkHref('pas une adresse')).toBeNull();
  });

  it('shows where a link leads', () => {
    expect(linkHost('https://drive.example.org/d/1')).toBe('drive.example.org');
    expect(linkHost('http://nas:5000/partage')).toBe('nas:5000');
    expect(linkHost('n’importe quoi')).toBe('');
  });
});
