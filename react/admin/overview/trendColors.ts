// The VTEX Styleguide's colour tokens as hex, for the charts (SVG takes colours, not classes):
// action-primary, success, warning, danger, muted-1 and the muted greys of the grid.
export const TREND_COLORS = {
  primary: '#134cd8',
  success: '#8bc34a',
  warning: '#ffb100',
  danger: '#ff4c4c',
  muted: '#727273',
  grid: '#e3e4e6',
}

/** One colour per withheld reason, in the order the reasons first appear. */
export const REASON_PALETTE = [
  TREND_COLORS.danger,
  TREND_COLORS.warning,
  TREND_COLORS.primary,
  TREND_COLORS.muted,
  TREND_COLORS.success,
  '#2953b2',
  '#d0021b',
  '#979899',
  '#3f3f40',
]
