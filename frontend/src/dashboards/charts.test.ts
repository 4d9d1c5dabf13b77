import { describe, expect, it } from 'vitest';
import { cumulative, monthBarOption, monthLabel, pairedBarOption, shortLabel, type ChartColors } from './charts';

const colors: ChartColors = {
  text: '#111', mutedText: '#666', grid: '#ddd', primary: '#18a058', secondary: '#f0a020', tooltipBackground: '#fff', tooltipBorder: '#ccc',
};

describe('dashboard charts', () => {
  it('labels months in the reader’s language, with the year on the first bar and in January', () => {
    expect(monthLabel('2026-11', 'fr', true)).toBe('nov. 2026');
    expect(monthLabel('2026-11', 'en', false)).toBe('Nov');
    const option = monthBarOption({
      months: [
        { month: '2025-12', approvedHours: 2, pendingHours: 1 },
        { month: '2026-01', approvedHours: 0, pendingHours: 0 },
        { month: '2026-02', approvedHours: 5.5, pendingHours: 0 },
      ],
      labels: { approved: 'Validées', pending: 'En attente' },
      colors,
      locale: 'fr',
    });
    expect((option.xAxis as { data: string[] }).data).toEqual(['déc. 2025', 'janv. 2026', 'févr.']);
    const series = option.series as { name: string; data: number[]; stack: string }[];
    expect(series.map((s) => s.name)).toEqual(['Validées', 'En attente']);
    expect(series[0]!.data).toEqual([2, 0, 5.5]);
    expect(series[1]!.stack).toBe(series[0]!.stack);
  });

  it('puts the biggest need on top and cuts long names', () => {
    const option = pairedBarOption({
      items: [
        { name: 'Comptabilité', first: 5, second: 2 },
        { name: 'Gestion des ressources humaines et du dialogue social', first: 1, second: 9 },
      ],
      labels: { first: 'Demandées', second: 'Disponibles' },
      colors,
    });
    const names = (option.yAxis as { data: string[] }).data;
    expect(names[1]).toBe('Comptabilité');
    expect(names[0]).toBe(shortLabel('Gestion des ressources humaines et du dialogue social'));
    expect(names[0]!.endsWith('…')).toBe(true);
    expect(Array.from(names[0]!).length).toBe(28);
  });

  it('sums approved hours month after month without float drift', () => {
    expect(cumulative([
      { month: '2026-01', approvedHours: 0.1, pendingHours: 3 },
      { month: '2026-02', approvedHours: 0.2, pendingHours: 0 },
      { month: '2026-03', approvedHours: 0, pendingHours: 0 },
    ])).toEqual([0.1, 0.3, 0.3]);
  });
});
