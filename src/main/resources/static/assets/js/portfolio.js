import { $, el } from './dom.js';
import { amount } from './cards.js';
import { moneyNode } from './value.js';

/** The holdings table: per asset its total, price and value, with the connections that hold it. */
export function renderPortfolio(portfolio, hasConnections, exchangeName) {
  const holdings = portfolio.holdings;
  const quote = portfolio.quoteCurrency;
  $('#portfolio').hidden = !hasConnections;
  $('#portfolio-empty').hidden = holdings.length > 0;
  $('#portfolio-table').hidden = holdings.length === 0;
  $('#portfolio-body').replaceChildren(...holdings.map((asset) => el('tr', { dataset: { symbol: asset.symbol } },
    el('th', { scope: 'row', class: 'symbol', text: asset.symbol }),
    el('td', { class: 'num', 'data-label': 'Total' }, amount(asset.total)),
    el('td', { class: 'num', 'data-label': 'Price' }, priceCell(asset, quote)),
    el('td', { class: 'num', 'data-label': 'Value' }, asset.value == null ? el('span', { class: 'no-price', text: 'no price' }) : moneyNode(asset.value, quote)),
    el('td', { 'data-label': 'Held on' }, el('ul', { class: 'breakdown' },
      asset.connections.map((share) => el('li', { dataset: { connectionId: share.connectionId } },
        el('span', { class: 'breakdown-name', text: `${exchangeName(share.exchange)} · ${share.label}` }),
        amount(share.total))))))));
}

function priceCell(asset, quote) {
  if (asset.price == null) return el('span', { class: 'no-price', text: 'no price' });
  const when = asset.priceAt ? new Date(asset.priceAt).toLocaleTimeString('en-GB') : '';
  const node = moneyNode(asset.price, quote);
  node.title = `${asset.price} ${quote} · ${asset.priceRoute} at ${asset.priceSource} · ${when}`;
  return el('span', {}, node, asset.stale ? el('span', { class: 'stale', title: 'This price is more than 10 minutes old', text: 'stale' }) : null);
}

/** Per connection, the assets it holds, taken from the portfolio breakdown. */
export function assetsByConnection(holdings) {
  const result = new Map();
  for (const asset of holdings) {
    for (const share of asset.connections) {
      if (!result.has(share.connectionId)) result.set(share.connectionId, []);
      result.get(share.connectionId).push({ symbol: asset.symbol, total: share.total });
    }
  }
  return result;
}
