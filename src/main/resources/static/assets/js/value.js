import { $, el } from './dom.js';
import { drawChart } from './chart.js';

// The portfolio's value: the total at the top with its change over 24 h, the value per connection, the quote
// currency picker, the chart of the chosen range (with a table of the same points) and the CSV exports.
// Values arrive as exact decimal strings and are rounded here, for display only.

export const RANGES = ['24h', '7d', '30d', '1y', 'all'];

/** A value in the quote currency, rounded to cents (or to 6 significant digits when tiny). */
export function money(exact, quote) {
  const value = Number(exact);
  if (!Number.isFinite(value)) return String(exact);
  const small = value !== 0 && Math.abs(value) < 1;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency', currency: quote,
      ...(small ? { maximumSignificantDigits: 6 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    }).format(value);
  } catch (notACurrency) {
    return `${value.toFixed(2)} ${quote}`;
  }
}

export function moneyNode(exact, quote, cls = 'money') {
  return el('span', { class: cls, title: `${exact} ${quote}`, dataset: { exact }, text: money(exact, quote) });
}

function changeText(change, quote) {
  if (!change || change.single) return { text: 'No change yet', dir: 'flat' };
  const absolute = Number(change.absolute);
  const sign = absolute > 0 ? '+' : absolute < 0 ? '−' : '±';
  const percent = change.percent == null ? '' : ` (${sign}${Math.abs(Number(change.percent)).toFixed(2)} %)`;
  return { text: `${sign}${money(String(Math.abs(absolute)), quote)}${percent}`, dir: absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'flat' };
}

const timeFormat = (range) => (ms) => new Date(ms).toLocaleString('en-GB', range === '24h'
  ? { hour: '2-digit', minute: '2-digit' }
  : range === '7d' ? { weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', year: range === '1y' || range === 'all' ? 'numeric' : undefined });

/** The total, its 24 h change and the value per connection. */
export function renderTotal(portfolio, change24h, exchangeName) {
  const quote = portfolio.quoteCurrency;
  $('#total-value').replaceChildren(moneyNode(portfolio.totalValue, quote, 'money total-money'));
  const change = changeText(change24h, quote);
  const changeNode = $('#total-change');
  changeNode.textContent = change.text === 'No change yet' ? 'No change yet in 24 h' : `${change.text} in 24 h`;
  changeNode.dataset.dir = change.dir;
  const notes = [];
  if (portfolio.unpriced > 0) {
    notes.push(`${portfolio.unpriced} asset${portfolio.unpriced === 1 ? '' : 's'} without a price ${portfolio.unpriced === 1 ? 'is' : 'are'} left out`);
  }
  if (portfolio.stalePrices > 0) {
    notes.push(`${portfolio.stalePrices} price${portfolio.stalePrices === 1 ? ' is' : 's are'} more than 10 minutes old`);
  }
  $('#total-notes').textContent = notes.join(' · ');
  $('#total-notes').hidden = notes.length === 0;
  $('#connection-values').replaceChildren(...portfolio.connections.map((c) => {
    // A connection named after its exchange (the default label) is named once.
    const name = c.label === exchangeName(c.exchange) ? c.label : `${exchangeName(c.exchange)} · ${c.label}`;
    return el('li', { dataset: { connectionId: c.connectionId } },
      el('span', { class: 'breakdown-name', text: name }),
      // Value and note in one cell, so the row keeps two columns.
      el('span', {}, moneyNode(c.value, quote),
        c.unpriced > 0 ? el('span', { class: 'hint', text: ` (+${c.unpriced} without price)` }) : null));
  }));
  const select = $('#quote-currency');
  if (select.value !== quote) select.value = quote;
}

/** The chart and its table for one range. */
export function renderHistory(history) {
  const quote = history.quoteCurrency;
  const points = history.points.map((p) => ({ time: Date.parse(p.at), value: Number(p.value), label: p.value }));
  const format = timeFormat(history.range);
  const host = $('#chart');
  $('#chart-empty').hidden = points.length > 1;
  // One point is no line yet: the chart starts with the second one.
  drawChart(host, points.length > 1 ? points : [], {
    formatValue: (v) => money(String(v), quote),
    formatTime: format,
    title: `Portfolio value over ${history.range === 'all' ? 'all time' : `the last ${history.range}`} in ${quote}`,
  });
  host.dataset.range = history.range;
  const change = changeText(history.change, quote);
  $('#range-change').textContent = points.length > 1 ? `${change.text} over this range` : '';
  $('#range-change').dataset.dir = change.dir;
  $('#history-caption').textContent = `Portfolio value in ${quote}, ${history.range}`;
  $('#history-body').replaceChildren(...history.points.map((p) => el('tr', {},
    el('td', { text: new Date(p.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) }),
    el('td', { class: 'num' }, moneyNode(p.value, quote)),
    el('td', { class: 'num', text: p.unpriced > 0 ? String(p.unpriced) : '' }))));
  $('#export-history').href = `/api/v1/portfolio/history.csv?range=${encodeURIComponent(history.range)}`;
}

/** Wires the currency picker and the range buttons; returns the chosen range. */
export function setUpValuePanel({ quoteCurrencies, quote, onQuote, onRange }) {
  const select = $('#quote-currency');
  select.replaceChildren(...quoteCurrencies.map((code) => el('option', { value: code, text: code })));
  select.value = quote;
  select.addEventListener('change', () => onQuote(select.value));
  const buttons = $('#range-buttons');
  buttons.replaceChildren(...RANGES.map((range) => el('button', {
    type: 'button', class: 'range-btn', 'aria-pressed': range === '24h' ? 'true' : 'false', dataset: { range }, text: range === 'all' ? 'All' : range,
    onclick: () => {
      for (const b of buttons.children) b.setAttribute('aria-pressed', b.dataset.range === range ? 'true' : 'false');
      onRange(range);
    },
  })));
}
