import { describe, expect, it } from 'vitest';
import { addDays, dayCount, daysOf, isIsoDate, localToday, weekOf } from './calendarDays';
import {
  buildBatch,
  cellKey,
  clearSent,
  defaultSkill,
  hasTyped,
  keyMove,
  loggedByCell,
  mapBatchProblem,
  moveCell,
  newRow,
  normalizePeriod,
  timesheetDays,
  timesheetTotals,
  type TimesheetRow,
} from './timesheet';

const project = { startDate: '2026-11-18', endDate: '2026-12-31' };
// Week of Monday 23 to Sunday 29 November 2026; today is Wednesday 25.
const week = timesheetDays('2026-11-23', '2026-11-29', project, '2026-11-25');

function row(volunteerId: string, name: string, cells: Record<string, string>, extra: Partial<TimesheetRow> = {}): TimesheetRow {
  return { volunteerId, name, skill: '', note: '', cells, skills: [], fromTeam: true, ...extra };
}

describe('calendar days', () => {
  it('knows valid dates', () => {
    expect(isIsoDate('2026-11-25')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('25/11/2026')).toBe(false);
  });

  it('counts and walks days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayCount('2026-11-23', '2026-11-29')).toBe(7);
    expect(dayCount('2026-11-29', '2026-11-23')).toBe(0);
    expect(daysOf('2026-10-31', '2026-11-02')).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });

  it('starts weeks on Monday', () => {
    expect(weekOf('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 10, 25, 23, 30))).toBe('2026-11-25');
  });
});

describe('timesheetDays', () => {
  it('locks the days after today and outside the project', () => {
    expect(week.map((d) => d.lock)).toEqual([undefined, undefined, undefined, 'future', 'future', 'future', 'future']);
    const before = timesheetDays('2026-11-16', '2026-11-19', project, '2026-11-25');
    expect(before.map((d) => d.lock)).toEqual(['beforeStart', 'beforeStart', undefined, undefined]);
    const after = timesheetDays('2026-12-30', '2027-01-01', { startDate: '', endDate: '2026-12-31' }, '2027-03-01');
    expect(after.map((d) => d.lock)).toEqual([undefined, undefined, 'afterEnd']);
  });

  it('marks the weekend', () => {
    expect(week.map((d) => d.weekend)).toEqual([false, false, false, false, false, true, true]);
  });
});

describe('normalizePeriod', () => {
  const fallback = { from: '2026-11-23', to: '2026-11-29' };

  it('keeps a good period and puts dates in order', () => {
    expect(normalizePeriod('2026-11-01', '2026-11-30', fallback)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(normalizePeriod('2026-11-30', '2026-11-01', fallback)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('cuts a period longer than 31 days', () => {
    expect(normalizePeriod('2026-10-01', '2026-12-31', fallback)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('falls back on malformed dates', () => {
    expect(normalizePeriod('hier', '2026-11-30', fallback)).toEqual(fallback);
    expect(normalizePeriod('2026-02-30', '2026-03-02', fallback)).toEqual(fallback);
  });
});

describe('rows', () => {
  const skills = [
    { id: 'translation', name: 'Traduction' },
    { id: 'accounting', name: 'Comptabilité' },
    { id: 'custom:reliure', name: 'Reliure d’art' },
  ];

  it('start with the first of the volunteer’s skills the project needs', () => {
    expect(defaultSkill(skills, [{ id: 'custom:reliure' }, { id: 'accounting' }])).toBe('Comptabilité');
    expect(defaultSkill(skills, [{ id: 'web' }])).toBe('');
    expect(defaultSkill([], [{ id: 'accounting' }])).toBe('');
    const r = newRow({ volunteerId: '7', name: 'Élodie Dubœuf', skills }, [{ id: 'custom:reliure' }], false);
    expect(r).toMatchObject({ volunteerId: '7', skill: 'Reliure d’art', note: '', cells: {}, fromTeam: false });
  });

  it('count as typed only what is in open days', () => {
    expect(hasTyped([row('1', 'A', { '2026-11-27': '3' })], week)).toBe(false);
    expect(hasTyped([row('1', 'A', { '2026-11-23': '  ' })], week)).toBe(false);
    expect(hasTyped([row('1', 'A', { '2026-11-23': 'x' })], week)).toBe(true);
  });
});

describe('timesheetTotals', () => {
  it('adds the cells that read as a time, by row, by day and in all', () => {
    const rows = [
      row('1', 'Élodie', { '2026-11-23': '1,5', '2026-11-24': '1h30', '2026-11-25': 'abc' }),
      row('2', 'Łukasz', { '2026-11-23': '90min', '2026-11-27': '8' }),
    ];
    const totals = timesheetTotals(rows, week);
    expect(totals.rows).toEqual({ '1': 180, '2': 90 });
    expect(totals.days['2026-11-23']).toBe(180);
    expect(totals.days['2026-11-24']).toBe(90);
    // The locked Friday does not count, even with something typed in it.
    expect(totals.days['2026-11-27']).toBe(0);
    expect(totals.minutes).toBe(270);
    expect(totals.entries).toBe(3);
  });

  it('counts what was already saved, except refused entries', () => {
    const logged = loggedByCell([
      { volunteerId: '1', date: '2026-11-23', hours: 2, status: 'approved' },
      { volunteerId: '1', date: '2026-11-23', hours: 0.5, status: 'pending' },
      { volunteerId: '1', date: '2026-11-24', hours: 4, status: 'rejected' },
      { volunteerId: '', date: '2026-11-24', hours: 1, status: 'approved' },
    ]);
    expect(logged).toEqual({ [cellKey('1', '2026-11-23')]: 150 });
  });
});

describe('buildBatch', () => {
  const rows = [
    row('1', 'Élodie', { '2026-11-23': '1,5', '2026-11-25': '2' }, { skill: 'Comptabilité', note: '  Bilan « provisoire » ' }),
    row('2', 'Łukasz', { '2026-11-24': '1h20', '2026-11-26': '3' }),
  ];

  it('sends one entry per filled open cell, row by row, and remembers where each came from', () => {
    const batch = buildBatch(rows, week, { projectId: '9', enteredBy: ' Marie-Hélène ' });
    expect(batch.problems).toEqual([]);
    expect(batch.entries).toEqual([
      { volunteerId: '1', projectId: '9', date: '2026-11-23', hours: 1.5, skill: 'Comptabilité', note: 'Bilan « provisoire »', enteredBy: 'Marie-Hélène' },
      { volunteerId: '1', projectId: '9', date: '2026-11-25', hours: 2, skill: 'Comptabilité', note: 'Bilan « provisoire »', enteredBy: 'Marie-Hélène' },
      { volunteerId: '2', projectId: '9', date: '2026-11-24', hours: 80 / 60, enteredBy: 'Marie-Hélène' },
    ]);
    expect(batch.refs).toEqual([
      { volunteerId: '1', date: '2026-11-23' },
      { volunteerId: '1', date: '2026-11-25' },
      { volunteerId: '2', date: '2026-11-24' },
    ]);
    expect(batch.minutes).toBe(90 + 120 + 80);
  });

  it('leaves out who typed it when nobody is named', () => {
    const batch = buildBatch([row('2', 'Łukasz', { '2026-11-24': '1' })], week, { projectId: '9', enteredBy: '' });
    expect(batch.entries[0]).toEqual({ volunteerId: '2', projectId: '9', date: '2026-11-24', hours: 1 });
  });

  it('lists the cells that are not a time', () => {
    const batch = buildBatch([row('1', 'Élodie', { '2026-11-23': 'deux', '2026-11-24': '0', '2026-11-25': '30' })], week, {
      projectId: '9',
      enteredBy: '',
    });
    expect(batch.problems).toEqual([
      { key: cellKey('1', '2026-11-23'), problem: 'invalid' },
      { key: cellKey('1', '2026-11-24'), problem: 'zero' },
      { key: cellKey('1', '2026-11-25'), problem: 'tooMany' },
    ]);
    expect(batch.entries).toEqual([]);
  });

  it('empties the sent cells after a save and keeps the rest', () => {
    const copy = rows.map((r) => ({ ...r, cells: { ...r.cells } }));
    const batch = buildBatch(copy, week, { projectId: '9', enteredBy: '' });
    clearSent(copy, batch.refs);
    expect(copy[0]!.cells).toEqual({});
    // The locked Thursday's text was not sent: it stays.
    expect(copy[1]!.cells).toEqual({ '2026-11-26': '3' });
    expect(copy[0]!.skill).toBe('Comptabilité');
  });
});

describe('mapBatchProblem', () => {
  const refs = [
    { volunteerId: '1', date: '2026-11-23' },
    { volunteerId: '1', date: '2026-11-25' },
    { volunteerId: '2', date: '2026-11-24' },
  ];

  it('puts a field error on the cell its entry came from', () => {
    const errors = mapBatchProblem(
      {
        status: 422,
        detail: 'Les données envoyées ne sont pas valides.',
        errors: [
          { location: 'body.entries.2.hours', message: 'Le nombre d’heures doit être supérieur à zéro.' },
          { location: 'body.entries.1.date', message: 'La date est dans le futur.' },
        ],
      },
      refs,
      'Erreur',
    );
    expect(errors.cells).toEqual({
      [cellKey('2', '2026-11-24')]: 'Le nombre d’heures doit être supérieur à zéro.',
      [cellKey('1', '2026-11-25')]: 'La date est dans le futur.',
    });
    expect(errors.general).toEqual([]);
  });

  it('reads huma’s own locations too, and joins two messages on one cell', () => {
    const errors = mapBatchProblem(
      {
        status: 422,
        errors: [
          { location: 'body.entries[0].hours', message: 'expected number' },
          { location: 'body.entries.0.volunteerId', message: 'Ce bénévole n’existe pas.' },
        ],
      },
      refs,
      'Erreur',
    );
    expect(errors.cells[cellKey('1', '2026-11-23')]).toBe('expected number Ce bénévole n’existe pas.');
  });

  it('puts a skill or note error on the row', () => {
    const errors = mapBatchProblem(
      { status: 422, errors: [{ location: 'body.entries.1.note', message: 'Note trop longue.' }] },
      refs,
      'Erreur',
    );
    expect(errors.rows).toEqual({ '1': { note: 'Note trop longue.' } });
    expect(errors.cells).toEqual({});
  });

  it('puts a refused rule on the cell of its line, without the line number', () => {
    const errors = mapBatchProblem(
      { status: 409, detail: 'Ligne 3 : Plus de 24 heures le 24/11/2026 pour ce bénévole : 22 h sont déjà saisies ce jour-là.' },
      refs,
      'Erreur',
    );
    expect(errors.cells).toEqual({
      [cellKey('2', '2026-11-24')]: 'Plus de 24 heures le 24/11/2026 pour ce bénévole : 22 h sont déjà saisies ce jour-là.',
    });
    expect(errors.general).toEqual([]);
    const en = mapBatchProblem({ status: 409, detail: 'Line 1: 2026-11-23 is outside the project’s dates.' }, refs, 'Error');
    expect(en.cells).toEqual({ [cellKey('1', '2026-11-23')]: '2026-11-23 is outside the project’s dates.' });
  });

  it('keeps what belongs to no cell general', () => {
    expect(mapBatchProblem({ status: 409, detail: 'Ligne 9 : hors de la feuille' }, refs, 'Erreur').general).toEqual([
      'Ligne 9 : hors de la feuille',
    ]);
    expect(mapBatchProblem({ status: 500, detail: 'Erreur interne' }, refs, 'Erreur').general).toEqual(['Erreur interne']);
    expect(mapBatchProblem(null, refs, 'Le serveur ne répond pas.').general).toEqual(['Le serveur ne répond pas.']);
    const tooMany = mapBatchProblem({ status: 422, errors: [{ location: 'body.entries', message: 'Trop de lignes.' }] }, refs, 'Erreur');
    expect(tooMany.general).toEqual(['Trop de lignes.']);
  });
});

describe('moving between cells', () => {
  // Days 0-2 open, 3-6 locked (after today).
  it('moves right and left over open days, wrapping to the next or previous row', () => {
    expect(moveCell({ row: 0, day: 0 }, 'right', 2, week)).toEqual({ row: 0, day: 1 });
    expect(moveCell({ row: 0, day: 2 }, 'right', 2, week)).toEqual({ row: 1, day: 0 });
    expect(moveCell({ row: 1, day: 2 }, 'right', 2, week)).toBeNull();
    expect(moveCell({ row: 1, day: 0 }, 'left', 2, week)).toEqual({ row: 0, day: 2 });
    expect(moveCell({ row: 0, day: 0 }, 'left', 2, week)).toBeNull();
  });

  it('skips locked days in the middle', () => {
    const days = timesheetDays('2026-11-16', '2026-11-20', project, '2026-11-25');
    // 16 and 17 are before the project: from the 18th, left goes to the row above's last day.
    expect(moveCell({ row: 1, day: 2 }, 'left', 2, days)).toEqual({ row: 0, day: 4 });
  });

  it('moves up and down in the same day', () => {
    expect(moveCell({ row: 0, day: 1 }, 'down', 3, week)).toEqual({ row: 1, day: 1 });
    expect(moveCell({ row: 2, day: 1 }, 'down', 3, week)).toBeNull();
    expect(moveCell({ row: 0, day: 1 }, 'up', 3, week)).toBeNull();
  });

  it('does nothing in a grid without an open day', () => {
    const locked = timesheetDays('2026-12-01', '2026-12-07', project, '2026-11-25');
    expect(moveCell({ row: 0, day: 0 }, 'right', 2, locked)).toBeNull();
  });

  it('reads keys: arrows at the edge of the text, Enter down, Shift+Enter up', () => {
    const at = (start: number, end: number, length: number) => ({ start, end, length });
    expect(keyMove('Enter', false, at(0, 0, 3))).toBe('down');
    expect(keyMove('Enter', true, at(0, 0, 3))).toBe('up');
    expect(keyMove('ArrowDown', false, at(1, 1, 3))).toBe('down');
    expect(keyMove('ArrowLeft', false, at(0, 0, 3))).toBe('left');
    expect(keyMove('ArrowLeft', false, at(2, 2, 3))).toBeNull();
    expect(keyMove('ArrowRight', false, at(3, 3, 3))).toBe('right');
    expect(keyMove('ArrowRight', false, at(0, 3, 3))).toBeNull();
    expect(keyMove('Tab', false, at(0, 0, 0))).toBeNull();
    expect(keyMove('ArrowRight', false, { start: null, end: null, length: 0 })).toBe('right');
  });
});
