import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades so text on light backgrounds passes WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  autoContrast: true,
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", Roboto, sans-serif',
});

const LIGHT_VARIANT_COLORS = [
  'blue',
  'red',
  'teal',
  'green',
  'gray',
  'orange',
  'yellow',
  'indigo',
  'grape',
  'cyan',
] as const;

/**
 * Contrast (WCAG AA, checked by axe in the browser tests): Mantine's default "dimmed" grey is
 * 3.3:1 on white and its light-variant texts (badges, active nav links, light buttons) about
 * 4:1 on their tinted backgrounds; agents read a lot of both, so use shade 9.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    '--mantine-primary-color-light-color': t.colors.blue[9],
    '--mantine-primary-color-light-hover': t.colors.blue[1],
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, t.colors[c][9]]),
    ),
    // Some are too light even at shade 9 on their own tint (orange 3.6:1, green 3.8:1, teal
    // 4.3:1, red 4.5:1 — a small badge or an alert's title): darker tones of the same hue.
    '--mantine-color-orange-light-color': '#9c3500',
    '--mantine-color-yellow-light-color': '#7a4f00',
    '--mantine-color-green-light-color': '#1f6b2e',
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-red-light-color': '#a51d1d',
  },
  dark: {},
});
