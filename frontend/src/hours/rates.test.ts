import { describe, expect, it } from 'vitest';
import type { HourRatesView } from '../api/types';
import { addDomain, domainsToAdd, parseRate, rateText, ratesChanged, ratesForm, ratesInput, ratesProblems, ratesServerErrors, removeDomain } from './rates';

const allDomains = [
  { id: 'finance', label: 'Finance et comptabilité' },
  { id: 'digital', label: 'Numérique' },
  { id: 'legal', label: 'Droit' },
];

const view: HourRatesView = {
  default: { beginner: 17, intermediate: 25, confirmed: 40, expert: 60 },
  noSkill: 18,
  domains: [{ domain: 'legal', label: 'Droit', rates: { beginner: 20, intermediate: 35, confirmed: 55, expert: 95.5 } }],
  defaults: {
    default: { beginner: 17, intermediate: 25, confirmed: 40, expert: 60 },
    noSkill: 18,
    domains: [],
  },
  allDomains,
};

describe('hour rates form', () => {
  it('starts from the saved values and sends them back unchanged', () => {
    const form = ratesForm(view);
    expect(form.domains).toEqual([{ domain: 'legal', label: 'Droit', rates: { beginner: 20, intermediate: 35, confirmed: 55, expert: 95.5 } }]);
    expect(ratesInput(form)).toEqual({
      default: { beginner: 17, intermediate: 25, confirmed: 40, expert: 60 },
      noSkill: 18,
      domains: [{ domain: 'legal', rates: { beginner: 20, intermediate: 35, confirmed: 55, expert: 95.5 } }],
    });
    expect(ratesChanged(form, view)).toBe(false);
  });

  it('knows a change, to the cent', () => {
    const form = ratesForm(view);
    form.default.expert = 60.001;
    expect(ratesChanged(form, view)).toBe(false);
    form.default.expert = 60.5;
    expect(ratesChanged(form, view)).toBe(true);
  });

  it('goes back to the defaults', () => {
    const form = ratesForm(view, 'defaults');
    expect(form.domains).toEqual([]);
    expect(ratesChanged(form, view)).toBe(true);
  });

  it('adds a domain with the values for all domains, in the taxonomy’s order, once', () => {
    let form = ratesForm(view);
    expect(domainsToAdd(form, allDomains).map((d) => d.id)).toEqual(['finance', 'digital']);
    form = addDomain(form, 'finance', allDomains);
    expect(form.domains.map((d) => d.domain)).toEqual(['finance', 'legal']);
    expect(form.domains[0]).toEqual({ domain: 'finance', label: 'Finance et comptabilité', rates: { beginner: 17, intermediate: 25, confirmed: 40, expert: 60 } });
    // Its values are its own: changing them leaves the default alone.
    form.domains[0]!.rates.expert = 80;
    expect(form.default.expert).toBe(60);
    expect(addDomain(form, 'finance', allDomains)).toBe(form);
    expect(domainsToAdd(form, allDomains).map((d) => d.id)).toEqual(['digital']);
    form = removeDomain(form, 'legal');
    expect(form.domains.map((d) => d.domain)).toEqual(['finance']);
  });

  it('finds empty values and values out of bounds', () => {
    const form = addDomain(ratesForm(view), 'digital', allDomains);
    form.default.beginner = null;
    form.noSkill = -1;
    form.domains[0]!.rates.expert = 1000.5;
    expect(ratesProblems(form)).toEqual({ 'default.beginner': 'required', noSkill: 'range', 'domains.digital.expert': 'range' });
    // An emptied value is sent as 0 only if the form let it through, which it does not.
    expect(ratesInput(form).default.beginner).toBe(0);
  });

  it('puts the server’s messages on the fields', () => {
    const form = addDomain(ratesForm(view), 'digital', allDomains);
    const mapped = ratesServerErrors(
      {
        status: 422,
        errors: [
          { location: 'body.default.beginner', message: 'Au moins 0.' },
          { location: 'body.domains[1].rates.expert', message: 'Au plus 1000.' },
          { location: 'body.domains.digital', message: 'Domaine inconnu.' },
          { location: 'body.domains.astrologie', message: 'Domaine inconnu.' },
        ],
      },
      form,
    );
    expect(mapped.fields).toEqual({ 'default.beginner': 'Au moins 0.', 'domains.legal.expert': 'Au plus 1000.', 'domains.digital': 'Domaine inconnu.' });
    expect(mapped.general).toEqual(['Domaine inconnu.']);
    expect(ratesServerErrors({ status: 500, detail: 'Erreur interne.' }, form)).toEqual({ fields: {}, general: ['Erreur interne.'] });
  });
});

describe('hourly value inputs', () => {
  it('show two decimals in the language', () => {
    expect(rateText(17.5, 'fr')).toBe('17,50');
    expect(rateText(1000, 'en')).toBe('1000.00');
    expect(rateText(null, 'fr')).toBe('');
  });

  it('read what is typed, to the cent', () => {
    expect(parseRate('17,5')).toBe(17.5);
    expect(parseRate('17.50 €')).toBe(17.5);
    expect(parseRate('1 000')).toBe(1000);
    expect(parseRate('12,345')).toBe(12.35);
    expect(parseRate('')).toBeNull();
    expect(parseRate('dix')).toBeNull();
    expect(parseRate('-3')).toBeNull();
  });
});
