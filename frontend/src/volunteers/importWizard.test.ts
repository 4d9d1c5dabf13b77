import { describe, expect, it } from 'vitest';
import {
  delimiterKey,
  hasAcceptedExtension,
  importPercent,
  mappableFields,
  mappingOf,
  previewCells,
  rowsWithErrors,
  sameMapping,
  setColumnField,
  sortRowErrors,
} from './importWizard';

describe('the file', () => {
  it('is accepted by extension, any case', () => {
    expect(hasAcceptedExtension('Bénévoles 2026.XLSX')).toBe(true);
    expect(hasAcceptedExtension('export.ods')).toBe(true);
    expect(hasAcceptedExtension('liste.tsv')).toBe(true);
    expect(hasAcceptedExtension('photo-Élodie.png')).toBe(false);
    expect(hasAcceptedExtension('csv')).toBe(false);
  });

  it('names its separator', () => {
    expect(delimiterKey(';')).toBe('semicolon');
    expect(delimiterKey('\t')).toBe('tab');
    expect(delimiterKey('#')).toBeNull();
    expect(delimiterKey(undefined)).toBeNull();
  });
});

describe('column mapping', () => {
  const columns = [
    { header: 'Prénom', field: 'firstName' },
    { header: 'Nom', field: 'lastName' },
    { header: 'Commune de Besançon ?', field: '' },
    { header: 'Ville', field: 'city' },
  ];

  it('starts from the server’s guess', () => {
    expect(mappingOf({ columns })).toEqual(['firstName', 'lastName', '', 'city']);
    expect(mappingOf({ columns: null })).toEqual([]);
  });

  it('sets a column, and takes the field away from the column that had it', () => {
    const start = mappingOf({ columns });
    expect(setColumnField(start, 2, 'city')).toEqual({ mapping: ['firstName', 'lastName', 'city', ''], cleared: 3 });
    expect(setColumnField(start, 2, 'notes')).toEqual({ mapping: ['firstName', 'lastName', 'notes', 'city'], cleared: null });
    expect(setColumnField(start, 3, '')).toEqual({ mapping: ['firstName', 'lastName', '', ''], cleared: null });
    expect(start).toEqual(['firstName', 'lastName', '', 'city']);
  });

  it('lets a multi-column field fill a second column', () => {
    const start = ['firstName', 'skills', '', 'city'];
    expect(setColumnField(start, 2, 'skills', ['skills', 'causes'])).toEqual({
      mapping: ['firstName', 'skills', 'skills', 'city'],
      cleared: null,
    });
    expect(setColumnField(start, 2, 'city', ['skills', 'causes'])).toEqual({ mapping: ['firstName', 'skills', 'city', ''], cleared: 3 });
  });

  it('compares mappings', () => {
    expect(sameMapping(['a', ''], ['a', ''])).toBe(true);
    expect(sameMapping(['a', ''], ['a'])).toBe(false);
  });

  it('offers the known fields in form order, and any new one the server adds', () => {
    const server = ['postcode', 'city', 'firstName', 'lastName', 'nickname'];
    expect(mappableFields(server)).toEqual(['firstName', 'lastName', 'city', 'postcode', 'nickname']);
    expect(mappableFields(null)).toContain('joinedOn');
  });
});

describe('preview and problems', () => {
  it('pads short rows and cuts long ones', () => {
    expect(previewCells(['Élodie', 'Martin'], 4)).toEqual(['Élodie', 'Martin', '', '']);
    expect(previewCells(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(previewCells(null, 1)).toEqual(['']);
  });

  it('sorts problems in file order and counts rows', () => {
    const errors = [
      { row: 9, column: 'Courriel', field: 'email', code: 'invalid_email', message: 'Adresse e-mail invalide', value: 'olga@' },
      { row: 4, column: 'Téléphone', field: 'phone', code: 'invalid_phone', message: 'Numéro invalide', value: '12' },
      { row: 4, column: 'Code postal', field: 'postcode', code: 'invalid_postcode', message: 'Code postal invalide', value: 'x' },
    ];
    expect(sortRowErrors(errors).map((e) => `${e.row}:${e.column}`)).toEqual(['4:Code postal', '4:Téléphone', '9:Courriel']);
    expect(rowsWithErrors(errors)).toBe(2);
    expect(rowsWithErrors(null)).toBe(0);
  });
});

describe('importPercent', () => {
  it('fills each phase’s share of the bar', () => {
    expect(importPercent({ state: 'running', phase: '', done: 0, total: 0 })).toBe(0);
    expect(importPercent({ state: 'running', phase: 'reading', done: 0, total: 0 })).toBe(0);
    expect(importPercent({ state: 'running', phase: 'checking', done: 50, total: 100 })).toBe(25);
    expect(importPercent({ state: 'running', phase: 'saving', done: 0, total: 10 })).toBe(40);
    expect(importPercent({ state: 'running', phase: 'indexing', done: 7, total: 7 })).toBe(100);
    expect(importPercent({ state: 'done', phase: 'indexing', done: 0, total: 7 })).toBe(100);
  });

  it('never leaves 0–100', () => {
    expect(importPercent({ state: 'running', phase: 'saving', done: 30, total: 10 })).toBe(85);
    expect(importPercent({ state: 'running', phase: 'saving', done: -3, total: 10 })).toBe(40);
    expect(importPercent({ state: 'running', phase: 'unknown', done: 3, total: 10 })).toBe(0);
  });
});
