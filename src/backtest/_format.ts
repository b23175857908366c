/**
 * Private number formatting for the report renderers: locale-independent (the same bytes on every
 * machine), for people: thousands separators, percentages with sensible precision, p-values.
 */

/** `1234567` → `'1,234,567'`; `-0` → `'0'`. Rounds to an integer first. */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(rounded)));
}

/** Fixed decimals with thousands separators: `formatNumber(12345.678, 1)` → `'12,345.7'`. */
export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const isZero = Number(fixed) === 0;
  const sign = value < 0 && !isZero ? '-' : '';
  return sign + groupThousands(whole) + (fraction === undefined ? '' : `.${fraction}`);
}

/**
 * A fraction as a percentage: `0.1234` → `'12.3%'`. Small non-zero values keep two significant
 * digits (`0.000123` → `'0.012%'`) so they do not print as 0.0%.
 */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '–';
  const pct = fraction * 100;
  const abs = Math.abs(pct);
  if (abs > 0 && abs < 10 ** -digits) {
    const extra = Math.min(6, Math.ceil(-Math.log10(abs)) + 1);
    return `${formatNumber(pct, extra)}%`;
  }
  return `${formatNumber(pct, digits)}%`;
}

/** A p-value: `'< 0.001'` below one in a thousand, else three decimals. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** A ratio-type metric (AUC, Gini, KS, Brier...) with `digits` decimals (default 3). */
export function formatMetric(value: number | null, digits = 3): string {
  return value === null || !Number.isFinite(value) ? '–' : formatNumber(value, digits);
}

/** A score in points: whole points with thousands separators. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : formatInteger(score);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown table cell (pipes and newlines). */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
