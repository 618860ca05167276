/**
 * Tag colours whose small text keeps at least 4.5:1 contrast (WCAG 2.1 AA, what axe checks): the
 * styleguide's own white on its green (2.3:1), yellow, red (3.3:1) and grey does not. The same
 * hues, with dark text on the light ones and a darker red and grey under white text.
 */
export const TAG_COLORS = {
  success: { bgColor: '#8bc34a', color: '#1f1f1f' },
  warning: { bgColor: '#ffb100', color: '#1f1f1f' },
  error: { bgColor: '#c62828', color: '#ffffff' },
  neutral: { bgColor: '#727273', color: '#ffffff' },
  /** An outlined tag (`variation="low"`): its text and border. */
  low: { color: '#727273' },
} as const

export type TagTone = keyof typeof TAG_COLORS
