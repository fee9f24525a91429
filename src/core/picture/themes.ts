/**
 * The picture's two themes. `light` is for screens and projectors (fills strong enough to survive
 * a washed-out beam, dark ink on every fill); `print` is grey only, for a black-and-white page.
 * In both, each band also has its own pattern and a written label, so no one needs the colour.
 */
import type { PictureBand, PictureTheme } from '@shared/picture';

export type PatternKind = 'solid' | 'dots' | 'hatch' | 'cross' | 'lines';

/** The band's pattern: the same in every theme, so a legend learnt once holds everywhere. */
export const BAND_PATTERNS: Record<PictureBand, PatternKind> = {
  customer: 'solid',
  shared: 'dots',
  provider: 'hatch',
  'third-party': 'cross',
  unknown: 'lines'
};

export interface ThemeColours {
  background: string;
  ink: string;
  muted: string;
  grid: string;
  headerFill: string;
  bands: Record<PictureBand, { fill: string; ink: string; strip: string }>;
  line: string;
  lineCasing: string;
  gap: string;
  gapInk: string;
  highlight: string;
}

export const THEMES: Record<PictureTheme, ThemeColours> = {
  light: {
    background: '#ffffff',
    ink: '#1c2330',
    muted: '#4a5568',
    grid: '#ffffff',
    headerFill: '#eef1f5',
    bands: {
      customer: { fill: '#fbd99c', ink: '#4d2f00', strip: '#9a5b00' },
      shared: { fill: '#c2e5c8', ink: '#123d1c', strip: '#2e7d32' },
      provider: { fill: '#bcd5f5', ink: '#0d2f61', strip: '#1f5fbf' },
      'third-party': { fill: '#dccbf0', ink: '#37145e', strip: '#6a3d9a' },
      unknown: { fill: '#e2e2e2', ink: '#333333', strip: '#6b6b6b' }
    },
    line: '#111827',
    lineCasing: '#ffffff',
    gap: '#b3261e',
    gapInk: '#8c1d18',
    highlight: '#7b1fa2'
  },
  print: {
    background: '#ffffff',
    ink: '#000000',
    muted: '#333333',
    grid: '#000000',
    headerFill: '#f2f2f2',
    bands: {
      customer: { fill: '#ffffff', ink: '#000000', strip: '#000000' },
      shared: { fill: '#ebebeb', ink: '#000000', strip: '#000000' },
      provider: { fill: '#c4c4c4', ink: '#000000', strip: '#000000' },
      'third-party': { fill: '#dadada', ink: '#000000', strip: '#000000' },
      unknown: { fill: '#f5f5f5', ink: '#000000', strip: '#555555' }
    },
    line: '#000000',
    lineCasing: '#ffffff',
    gap: '#000000',
    gapInk: '#000000',
    highlight: '#000000'
  }
};
