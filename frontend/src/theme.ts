import type { GlobalThemeOverrides } from 'naive-ui';

const fontFamily =
  "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const shared: GlobalThemeOverrides['common'] = {
  fontFamily,
  fontWeightStrong: '600',
  borderRadius: '6px',
  borderRadiusSmall: '4px',
  fontSize: '14px',
  fontSizeMedium: '14px',
};

/** Deep teal on light grey-green surfaces. */
export const lightOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#0F766E',
    primaryColorHover: '#0D8F85',
    primaryColorPressed: '#0B5C56',
    primaryColorSuppl: '#0D8F85',
    bodyColor: '#F4F7F6',
  },
  Layout: { color: '#F4F7F6', siderColor: '#FFFFFF', headerColor: '#FFFFFF' },
  Card: { borderRadius: '10px' },
  Menu: {
    itemHeight: '40px',
    borderRadius: '6px',
    itemColorActive: 'rgba(15, 118, 110, 0.10)',
    itemColorActiveHover: 'rgba(15, 118, 110, 0.14)',
  },
};

/** The same teal, lighter for contrast on dark, on slightly green-tinted dark surfaces. */
export const darkOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#3BB8A7',
    primaryColorHover: '#5BCBBB',
    primaryColorPressed: '#2A9A8B',
    primaryColorSuppl: '#3BB8A7',
    bodyColor: '#101615',
    cardColor: '#171F1E',
    modalColor: '#1A2322',
    popoverColor: '#1C2625',
    tableColor: '#171F1E',
  },
  Layout: { color: '#101615', siderColor: '#141C1B', headerColor: '#141C1B' },
  Card: { borderRadius: '10px', color: '#171F1E' },
  Menu: {
    itemHeight: '40px',
    borderRadius: '6px',
    itemColorActive: 'rgba(59, 184, 167, 0.16)',
    itemColorActiveHover: 'rgba(59, 184, 167, 0.22)',
  },
};
