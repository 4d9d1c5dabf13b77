// The chart colours of the current theme (light or dark), for the dashboards' ECharts options.
import { useThemeVars } from 'naive-ui';
import { computed, type ComputedRef } from 'vue';
import type { ChartColors } from './charts';

export function useChartColors(): ComputedRef<ChartColors> {
  const themeVars = useThemeVars();
  return computed(() => {
    const v = themeVars.value;
    return {
      text: v.textColor1,
      mutedText: v.textColor3,
      grid: v.dividerColor,
      primary: v.primaryColor,
      secondary: v.warningColor,
      tooltipBackground: v.popoverColor,
      tooltipBorder: v.borderColor,
    };
  });
}
