import { describe, expect, it } from 'vitest';
import { fieldFromLocation, isProblemDetails, problemToFormErrors } from './problem';

const fields = ['name', 'email', 'logo'] as const;

describe('fieldFromLocation', () => {
  it('reads the body field', () => {
    expect(fieldFromLocation('body.email')).toBe('email');
    expect(fieldFromLocation('body.skills[0].name')).toBe('skills');
    expect(fieldFromLocation('body.address.city')).toBe('address');
  });

  it('has no field for the whole body or other locations', () => {
    expect(fieldFromLocation('body')).toBeNull();
    expect(fieldFromLocation('query.limit')).toBeNull();
    expect(fieldFromLocation(undefined)).toBeNull();
    expect(fieldFromLocation('')).toBeNull();
  });
});

describe('problemToFormErrors', () => {
  it('puts each message next to its field', () => {
    const result = problemToFormErrors(
      {
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'Le profil contient des erreurs',
        errors: [
          { location: 'body.email', message: 'Adresse e-mail invalide' },
          { location: 'body.logo', message: 'Image trop lourde (2 Mo au plus)' },
        ],
      },
      fields,
    );
    expect(result).toEqual({
      fields: { email: 'Adresse e-mail invalide', logo: 'Image trop lourde (2 Mo au plus)' },
      general: [],
    });
  });

  it('keeps the first message when a field has several', () => {
    const result = problemToFormErrors(
      { status: 422, errors: [{ location: 'body.name', message: 'Obligatoire' }, { location: 'body.name', message: 'Trop long' }] },
      fields,
    );
    expect(result.fields).toEqual({ name: 'Obligatoire' });
  });

  it('turns messages for unknown fields or no field into general messages', () => {
    const result = problemToFormErrors(
      {
        status: 422,
        detail: 'validation failed',
        errors: [
          { location: 'body.colour', message: 'Champ inconnu' },
          { location: 'body', message: 'Corps illisible' },
          { message: 'Corps illisible' },
          { location: 'body.email', message: '' },
        ],
      },
      fields,
    );
    expect(result).toEqual({ fields: {}, general: ['Champ inconnu', 'Corps illisible'] });
  });

  it('falls back to the detail, then the title, when no error is listed', () => {
    expect(problemToFormErrors({ status: 413, title: 'Request Entity Too Large', detail: 'Corps trop volumineux' }, fields)).toEqual({
      fields: {},
      general: ['Corps trop volumineux'],
    });
    expect(problemToFormErrors({ status: 500, title: 'Internal Server Error', errors: null }, fields)).toEqual({
      fields: {},
      general: ['Internal Server Error'],
    });
    expect(problemToFormErrors({}, fields)).toEqual({ fields: {}, general: [] });
  });
});

describe('isProblemDetails', () => {
  it('recognises problem documents only', () => {
    expect(isProblemDetails({ title: 'Bad Request', status: 400 })).toBe(true);
    expect(isProblemDetails({ detail: 'x' })).toBe(true);
    expect(isProblemDetails('oops')).toBe(false);
    expect(isProblemDetails(null)).toBe(false);
    expect(isProblemDetails([])).toBe(false);
    expect(isProblemDetails({ foo: 1 })).toBe(false);
  });
});
