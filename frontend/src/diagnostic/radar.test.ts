import { describe, expect, it } from 'vitest';
import { buildRadarOption, clockwiseOrder, wrapLabel, withAlpha, type RadarColors } from './radar';

const colors: RadarColors = {
  text: '#1f2225',
  mutedText: '#76787b',
  axis: '#e0e0e6',
  rings: ['#ffffff', '#f7f9f8'],
  current: '#0F766E',
  previous: '#d97706',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#e0e0e6',
};

const axes = ['Finances', 'Communication', 'Gouvernance et stratégie'];
// ECharts turns anticlockwise: the first axis stays on top, the others are given in reverse.
const drawn = ['Finances', 'Gouvernance et stratégie', 'Communication'];

describe('radar options', () => {
  it('lays the axes out clockwise from the top', () => {
    expect(clockwiseOrder(0)).toEqual([]);
    expect(clockwiseOrder(1)).toEqual([0]);
    expect(clockwiseOrder(8)).toEqual([0, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('has one axis per area from 0 to 100 and the current scores, clamped', () => {
    const option = buildRadarOption({ axes, current: { name: '25/11/2026', scores: [89, -5, 140.4] }, colors });
    const radar = option.radar as { indicator: { name: string; min: number; max: number }[] };
    expect(radar.indicator).toEqual(drawn.map((name) => ({ name, min: 0, max: 100 })));
    const series = option.series as { type: string; data: { name: string; value: number[] }[] }[];
    expect(series).toHaveLength(1);
    expect(series[0]!.type).toBe('radar');
    expect(series[0]!.data.map((d) => [d.name, d.value])).toEqual([['25/11/2026', [89, 100, 0]]]);
    expect((option.legend as { show: boolean }).show).toBe(false);
  });

  it('draws the previous diagnostic dashed beneath the current one, current first in the legend', () => {
    const option = buildRadarOption({
      axes,
      current: { name: '25/11/2026', scores: [44, 20, 0] },
      previous: { name: '02/03/2026', scores: [89, 30] },
      colors,
    });
    const data = (option.series as { data: { name: string; value: number[]; lineStyle: { type?: string; color: string } }[] }[])[0]!.data;
    expect(data.map((d) => d.name)).toEqual(['02/03/2026', '25/11/2026']);
    expect(data[0]!.value).toEqual([89, 0, 30]); // a missing score reads as no need
    expect(data[1]!.value).toEqual([44, 0, 20]);
    expect(data[0]!.lineStyle).toMatchObject({ type: 'dashed', color: colors.previous });
    expect(data[1]!.lineStyle.color).toBe(colors.current);
    expect((option.legend as { data: string[] }).data).toEqual(['25/11/2026', '02/03/2026']);
  });

  it('uses the theme’s colours for text, axes and rings', () => {
    const dark: RadarColors = { ...colors, text: '#e8ecea', axis: '#3a4442', rings: ['#171f1e', '#1b2423'] };
    const option = buildRadarOption({ axes, current: { name: 'x', scores: [] }, colors: dark });
    const radar = option.radar as {
      axisName: { color: string; formatter: (n: string) => string };
      splitArea: { areaStyle: { color: string[] } };
      splitLine: { lineStyle: { color: string } };
    };
    expect(radar.axisName.color).toBe('#e8ecea');
    expect(radar.splitArea.areaStyle.color).toEqual(['#171f1e', '#1b2423']);
    expect(radar.splitLine.lineStyle.color).toBe('#3a4442');
    expect(radar.axisName.formatter('Gouvernance et stratégie')).toBe('Gouvernance et\nstratégie');
  });

  it('wraps long labels at spaces and tints hex colours', () => {
    expect(wrapLabel('Recherche de financements')).toBe('Recherche de\nfinancements');
    expect(wrapLabel('Finances')).toBe('Finances');
    expect(wrapLabel('Ressources   humaines', 9)).toBe('Ressources\nhumaines');
    expect(wrapLabel('')).toBe('');
    expect(withAlpha('#0F766E', 0.2)).toBe('rgba(15, 118, 110, 0.2)');
    expect(withAlpha('rgb(1, 2, 3)', 0.2)).toBe('rgb(1, 2, 3)');
  });
});
