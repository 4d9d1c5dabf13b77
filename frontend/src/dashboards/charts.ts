// The options of the dashboards' bar charts, built from plain values so that they can be tested
// without a canvas. Colours come from the theme so that charts read on light and dark backgrounds.
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { intlLocale, type FormatLocale } from '../format/format';

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface ChartColors {
  text: string;
  mutedText: string;
  grid: string;
  primary: string;
  secondary: string;
  tooltipBackground: string;
  tooltipBorder: string;
}

export interface MonthPoint {
  month: string; // YYYY-MM
  approvedHours: number;
  pendingHours: number;
}

/** "nov. 2026" / "Nov 2026"; the year only on January and on the first bar, to keep the axis light. */
export function monthLabel(month: string, locale: FormatLocale, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const d = new Date(y, m - 1, 1);
  return new Intl.DateTimeFormat(intlLocale(locale), withYear ? { month: 'short', year: 'numeric' } : { month: 'short' }).format(d);
}

function base(colors: ChartColors, fontFamily?: string) {
  const textStyle = { color: colors.text, fontFamily };
  return {
    textStyle,
    animationDuration: 300,
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      backgroundColor: colors.tooltipBackground,
      borderColor: colors.tooltipBorder,
      textStyle: { color: colors.text, fontFamily },
    },
    legend: { bottom: 0, textStyle, icon: 'roundRect', itemWidth: 14, itemHeight: 8 },
  };
}

const hoursFormatter = (locale: FormatLocale) => (value: unknown) =>
  `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(Number(value) || 0)}\u00a0h`;

/** Hours per month: approved and pending stacked, one bar per month. */
export function monthBarOption(input: {
  months: MonthPoint[];
  labels: { approved: string; pending: string };
  colors: ChartColors;
  locale: FormatLocale;
  fontFamily?: string;
}): BarOption {
  const { months, colors, locale } = input;
  const categories = months.map((m, i) => monthLabel(m.month, locale, i === 0 || m.month.endsWith('-01')));
  const fmt = hoursFormatter(locale);
  return {
    ...base(colors, input.fontFamily),
    grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLine: { lineStyle: { color: colors.grid } },
      axisTick: { show: false },
      axisLabel: { color: colors.mutedText, interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: colors.grid } },
      axisLabel: { color: colors.mutedText, formatter: fmt },
    },
    series: [
      {
        name: input.labels.approved,
        type: 'bar',
        stack: 'hours',
        data: months.map((m) => m.approvedHours),
        itemStyle: { color: colors.primary },
        barMaxWidth: 36,
        tooltip: { valueFormatter: fmt },
      },
      {
        name: input.labels.pending,
        type: 'bar',
        stack: 'hours',
        data: months.map((m) => m.pendingHours),
        itemStyle: { color: colors.secondary, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 36,
        tooltip: { valueFormatter: fmt },
      },
    ],
  };
}

/** Labels longer than max characters are cut with an ellipsis so the chart keeps its width. */
export function shortLabel(text: string, max = 28): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Horizontal bars comparing two counts per item, the biggest need on top. */
export function pairedBarOption(input: {
  items: { name: string; first: number; second: number }[];
  labels: { first: string; second: string };
  colors: ChartColors;
  fontFamily?: string;
  unit?: (v: unknown) => string;
}): BarOption {
  const { colors } = input;
  // ECharts draws a category axis from the bottom up: reversed so the first item is on top.
  const items = [...input.items].reverse();
  return {
    ...base(colors, input.fontFamily),
    grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: colors.grid } },
      axisLabel: { color: colors.mutedText, formatter: input.unit },
    },
    yAxis: {
      type: 'category',
      data: items.map((i) => shortLabel(i.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colors.grid } },
      axisLabel: { color: colors.text },
    },
    series: [
      { name: input.labels.first, type: 'bar', data: items.map((i) => i.first), itemStyle: { color: colors.primary, borderRadius: [0, 3, 3, 0] }, barMaxWidth: 14 },
      { name: input.labels.second, type: 'bar', data: items.map((i) => i.second), itemStyle: { color: colors.secondary, borderRadius: [0, 3, 3, 0] }, barMaxWidth: 14 },
    ],
  };
}

/** Horizontal bars of one value per item (hours by project, by skill), the biggest on top. */
export function singleBarOption(input: {
  items: { name: string; value: number }[];
  label: string;
  colors: ChartColors;
  locale: FormatLocale;
  fontFamily?: string;
}): BarOption {
  const { colors } = input;
  const items = [...input.items].reverse();
  const fmt = hoursFormatter(input.locale);
  return {
    ...base(colors, input.fontFamily),
    legend: { show: false },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: colors.grid } }, axisLabel: { color: colors.mutedText, formatter: fmt } },
    yAxis: {
      type: 'category',
      data: items.map((i) => shortLabel(i.name)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: colors.grid } },
      axisLabel: { color: colors.text },
    },
    series: [
      {
        name: input.label,
        type: 'bar',
        data: items.map((i) => i.value),
        itemStyle: { color: colors.primary, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        tooltip: { valueFormatter: fmt },
      },
    ],
  };
}

/** The running total of approved hours month after month: a volunteer's progress. */
export function cumulative(months: MonthPoint[]): number[] {
  let sum = 0;
  return months.map((m) => {
    sum = Math.round((sum + m.approvedHours) * 100) / 100;
    return sum;
  });
}
