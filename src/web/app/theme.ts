import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/**
 * A sober deep teal. Shade 7 (the filled buttons) gives white text 6.3:1, shade 9 on shade 0 (light badges)
 * more than 9:1, above the 4.5:1 that WCAG 2.1 AA asks for body text.
 */
const teal: MantineColorsTuple = [
  '#e6f4f4',
  '#cce6e6',
  '#99cccc',
  '#66b2b3',
  '#3d9c9d',
  '#238e8f',
  '#0f7f81',
  '#0b6b6d',
  '#075a5c',
  '#034a4c',
];

export const theme = createTheme({
  primaryColor: 'rural',
  primaryShade: 7,
  colors: { rural: teal },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** Mantine's default "dimmed" grey reads at 3.3:1 on white; this one at 6.1:1. Light-variant text colours at 5.7:1 or more. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    // Error messages under fields: Mantine's red 6 reads at 3.3:1 on white; red 9 at 5.5:1.
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#6b7280',
    // Text of "light" badges and alerts on their pale backgrounds: shade 9 of these hues is below 4.5:1.
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-orange-light-color': '#8a3a0a',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-grape-light-color': '#6a1f7d',
  },
  dark: {},
});
