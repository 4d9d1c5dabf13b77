import { describe, expect, it } from 'vitest';
import { durationInputText, hoursToMinutes, parseDuration } from './duration';

function hours(text: string): number | string {
  const p = parseDuration(text);
  return p.kind === 'ok' ? p.hours : p.kind === 'problem' ? p.problem : 'empty';
}

describe('parseDuration', () => {
  it('reads decimal hours with a comma or a point', () => {
    expect(hours('1,5')).toBe(1.5);
    expect(hours('1.5')).toBe(1.5);
    expect(hours('2')).toBe(2);
    expect(hours(',5')).toBe(0.5);
    expect(hours('0.25')).toBe(0.25);
    expect(hours(' 3,75 ')).toBe(3.75);
  });

  it('reads hours with their unit', () => {
    expect(hours('2h')).toBe(2);
    expect(hours('2 h')).toBe(2);
    expect(hours('1,5 h')).toBe(1.5);
    expect(hours('3 heures')).toBe(3);
    expect(hours('1 heure')).toBe(1);
    expect(hours('2 hours')).toBe(2);
    expect(hours('2H')).toBe(2);
  });

  it('reads hours and minutes', () => {
    expect(hours('1h30')).toBe(1.5);
    expect(hours('1 h 30')).toBe(1.5);
    expect(hours('1h30min')).toBe(1.5);
    expect(hours('0h45')).toBe(0.75);
    expect(hours('1:30')).toBe(1.5);
    expect(hours('0:05')).toBe(5 / 60);
  });

  it('reads minutes', () => {
    expect(hours('90min')).toBe(1.5);
    expect(hours('90 min')).toBe(1.5);
    expect(hours('45mn')).toBe(0.75);
    expect(hours('20 m')).toBe(20 / 60);
    expect(hours('120 minutes')).toBe(2);
  });

  it('rounds to the minute, as the server stores time', () => {
    expect(hours('1h20')).toBe(80 / 60);
    expect(hours('0,3333')).toBe(20 / 60);
    const p = parseDuration('1h20');
    expect(p.kind === 'ok' && p.minutes).toBe(80);
  });

  it('takes blanks for an empty cell', () => {
    expect(hours('')).toBe('empty');
    expect(hours('   ')).toBe('empty');
  });

  it('refuses what is not a time', () => {
    expect(hours('abc')).toBe('invalid');
    expect(hours('1,5,5')).toBe('invalid');
    expect(hours('-1')).toBe('invalid');
    expect(hours('1h75')).toBe('invalid');
    expect(hours('1:75')).toBe('invalid');
    expect(hours('h')).toBe('invalid');
    expect(hours('1 jour')).toBe('invalid');
  });

  it('refuses nothing and more than a day', () => {
    expect(hours('0')).toBe('zero');
    expect(hours('0h00')).toBe('zero');
    expect(hours('0,001')).toBe('zero');
    expect(hours('24')).toBe(24);
    expect(hours('24,5')).toBe('tooMany');
    expect(hours('1500 min')).toBe('tooMany');
  });
});

describe('durationInputText', () => {
  it('writes round times as decimals in the language', () => {
    expect(durationInputText(1.5, 'fr')).toBe('1,5');
    expect(durationInputText(1.5, 'en')).toBe('1.5');
    expect(durationInputText(0.25, 'fr')).toBe('0,25');
    expect(durationInputText(2, 'fr')).toBe('2');
    expect(durationInputText(0.1, 'en')).toBe('0.1');
  });

  it('writes other times as hours and minutes, never a long decimal', () => {
    expect(durationInputText(80 / 60, 'fr')).toBe('1h20');
    expect(durationInputText(5 / 60, 'en')).toBe('0h05');
  });

  it('reads back what it writes', () => {
    for (const minutes of [5, 20, 45, 80, 90, 125, 1440]) {
      for (const locale of ['fr', 'en'] as const) {
        const p = parseDuration(durationInputText(minutes / 60, locale));
        expect(p.kind === 'ok' && p.minutes).toBe(minutes);
      }
    }
  });

  it('writes nothing for no time', () => {
    expect(durationInputText(0, 'fr')).toBe('');
    expect(hoursToMinutes(1.25)).toBe(75);
  });
});
