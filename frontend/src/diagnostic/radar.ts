// The options of the needs radar chart, built from plain values so that they can be tested
// without a canvas. The chart shows one axis per area, from 0 (no need) at the centre to 100.
import type { RadarSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type RadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface RadarSeries {
  /** Shown in the legend and tooltip, e.g. "25/11/2026". */
  name: string;
  /** One score (0–100) per axis, in the order of RadarInput.axes. */
  scores: number[];
}

/** Colours from the current theme, so that the chart reads on light and dark backgrounds. */
export interface RadarColors {
  text: string;
  mutedText: string;
  axis: string;
  /** The two alternating fills of the rings, from the centre out. */
  rings: [string, string];
  current: string;
  previous: string;
  tooltipBackground: string;
  tooltipBorder: string;
}

export interface RadarInput {
  /** The axes' names, clockwise from the top: the areas' labels in the reader's language. */
  axes: string[];
  current: RadarSeries;
  /** The previous diagnostic, drawn dashed under the current one. */
  previous?: RadarSeries | null;
  colors: RadarColors;
  fontFamily?: string;
}

/** Breaks a label into lines of about max characters at spaces, so long area names fit. */
export function wrapLabel(text: string, max = 14): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** A colour with an alpha, from #rrggbb; other notations are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return color;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(100, Math.max(0, Math.round(score))) : 0;
}

/**
 * The order in which ECharts gets the axes: it lays them out anticlockwise from the top, and a
 * reader expects clockwise, so the first stays on top and the others are reversed.
 */
export function clockwiseOrder(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? 0 : count - i));
}

export function buildRadarOption(input: RadarInput): RadarOption {
  const { current, previous, colors } = input;
  const order = clockwiseOrder(input.axes.length);
  const axes = order.map((i) => input.axes[i]!);
  const values = (scores: number[]) => order.map((i) => clampScore(scores[i] ?? 0));
  const textStyle = { color: colors.text, fontFamily: input.fontFamily };
  type RadarDatum = NonNullable<RadarSeriesOption['data']>[number];
  const data: RadarDatum[] = [];
  if (previous) {
    data.push({
      name: previous.name,
      value: values(previous.scores),
      symbol: 'circle',
      symbolSize: 4,
      itemStyle: { color: colors.previous },
      lineStyle: { color: colors.previous, width: 1.5, type: 'dashed' },
      areaStyle: { color: withAlpha(colors.previous, 0.08) },
    });
  }
  data.push({
    name: current.name,
      value: values(current.scores),
    symbol: 'circle',
    symbolSize: 6,
    itemStyle: { color: colors.current },
    lineStyle: { color: colors.current, width: 2.5 },
    areaStyle: { color: withAlpha(colors.current, 0.22) },
  });
  return {
    textStyle,
    animationDuration: 400,
    color: [colors.current, colors.previous],
    legend: previous
      ? {
          bottom: 0,
          // The current diagnostic first, although it is drawn last (on top).
          data: [current.name, previous.name],
          textStyle,
          icon: 'roundRect',
          itemWidth: 16,
          itemHeight: 8,
        }
      : { show: false },
    tooltip: {
      trigger: 'item',
      backgroundColor: colors.tooltipBackground,
      borderColor: colors.tooltipBorder,
      textStyle: { ...textStyle, fontSize: 12.5 },
    },
    radar: {
      indicator: axes.map((name) => ({ name, min: 0, max: 100 })),
      center: ['50%', previous ? '47%' : '50%'],
      radius: '54%',
      splitNumber: 4,
      shape: 'polygon',
      axisName: {
        color: colors.text,
        fontFamily: input.fontFamily,
        fontSize: 12.5,
        fontWeight: 600,
        lineHeight: 16,
        formatter: (name?: string) => wrapLabel(name ?? ''),
      },
      axisLine: { lineStyle: { color: colors.axis } },
      splitLine: { lineStyle: { color: colors.axis } },
      splitArea: { areaStyle: { color: colors.rings } },
    },
    series: [{ type: 'radar', data }],
  };
}
