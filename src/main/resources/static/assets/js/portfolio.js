import { $, el } from './dom.js';
import { amount } from './cards.js';

/** The holdings table: the total per asset with the connections that hold it. */
export function renderPortfolio(holdings, hasConnections, exchangeName) {
  $('#portfolio').hidden = !hasConnections;
  $('#portfolio-empty').hidden = holdings.length > 0;
  $('#portfolio-table').hidden = holdings.length === 0;
  $('#portfolio-body').replaceChildren(...holdings.map((asset) => el('tr', { dataset: { symbol: asset.symbol } },
    el('th', { scope: 'row', class: 'symbol', text: asset.symbol }),
    el('td', { class: 'num', 'data-label': 'Total' }, amount(asset.total)),
    el('td', { 'data-label': 'Held on' }, el('ul', { class: 'breakdown' },
      asset.connections.map((share) => el('li', { dataset: { connectionId: share.connectionId } },
        el('span', { class: 'breakdown-name', text: `${exchangeName(share.exchange)} · ${share.label}` }),
        amount(share.total))))))));
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
