// How amounts and times are shown: rounded for reading, exact in a tooltip.

const SMALLEST_SHOWN = 0.00000001;

/** A readable amount: at most 8 decimals (fewer for large amounts), grouped digits. */
export function roundedAmount(exact) {
  const value = Number(exact);
  if (!Number.isFinite(value)) return String(exact);
  if (value === 0) return '0';
  if (Math.abs(value) < SMALLEST_SHOWN) return '< 0.00000001';
  const decimals = Math.abs(value) >= 1000 ? 2 : Math.abs(value) >= 1 ? 4 : 8;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(value);
}

/** "just now", "5 minutes ago", "yesterday" ... */
export function relativeTime(iso, now = Date.now()) {
  if (!iso) return 'Never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  // A time in the future means the server's clock runs ahead of this one: still "just now".
  if (seconds > -10) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month']];
  let amount = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** The exact local time, for the tooltip. */
export function exactTime(iso) {
  if (!iso) return 'Not synced yet';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "every 5 min", "every hour", "every 1 h 30 min". */
export function syncInterval(seconds) {
  if (!seconds) return '';
  if (seconds % 3600 === 0) return seconds === 3600 ? 'every hour' : `every ${seconds / 3600} h`;
  if (seconds < 3600) return `every ${Math.round(seconds / 60)} min`;
  return `every ${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
