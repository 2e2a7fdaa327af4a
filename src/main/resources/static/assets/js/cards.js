import { el, exchangeMark } from './dom.js';
import { exactTime, relativeTime, roundedAmount, syncInterval } from './format.js';

// One card per connection. Every user-provided text (label, error) goes in as text.

const STATUS_TEXT = {
  active: 'Active', error: 'Error', disabled: 'Disabled', syncing: 'Syncing…', waiting: 'Waiting for first sync',
};

/** What the card shows as status: a running sync wins, then the stored status. */
export function displayStatus(connection, pending) {
  if (connection.syncing || pending) return 'syncing';
  if (connection.status === 'active' && !connection.lastSyncAt) return 'waiting';
  return STATUS_TEXT[connection.status] ? connection.status : 'error';
}

/** An amount rounded for reading, with the exact value in the tooltip. */
export function amount(exact) {
  return el('span', { class: 'amount', title: exact, dataset: { exact }, text: roundedAmount(exact) });
}

/** A relative time that the page refreshes, with the exact time in the tooltip. */
export function timeAgo(iso, role) {
  return el('time', {
    class: 'time-ago', datetime: iso || null, title: exactTime(iso),
    dataset: { role, time: iso || '' }, text: relativeTime(iso),
  });
}

export function connectionCard(connection, { exchangeName, assets, pending, handlers }) {
  const status = displayStatus(connection, pending);
  const syncing = status === 'syncing';
  const syncButton = el('button', {
    type: 'button', class: `btn btn-small${syncing ? ' is-busy' : ''}`, dataset: { action: 'sync' },
    disabled: syncing, 'aria-label': `Sync ${connection.label} now`, onclick: () => handlers.sync(connection),
  }, syncing ? 'Syncing…' : 'Sync Now');
  const editButton = el('button', {
    type: 'button', class: 'btn btn-small', dataset: { action: 'edit' },
    'aria-label': `Edit ${connection.label}`, onclick: () => handlers.edit(connection),
  }, 'Edit');
  const disconnectButton = el('button', {
    type: 'button', class: 'btn btn-small btn-danger-ghost', dataset: { action: 'disconnect' },
    'aria-label': `Disconnect ${connection.label}`, onclick: () => handlers.disconnect(connection),
  }, 'Disconnect');
  const autoSync = el('input', {
    type: 'checkbox', id: `auto-${connection.id}`, dataset: { action: 'auto-sync' }, checked: connection.autoSync,
    onchange: (event) => handlers.autoSync(connection, event.target.checked),
  });

  return el('article', {
    class: `card connection status-${status}`, dataset: { connectionId: connection.id, status, exchange: connection.exchange },
    'aria-labelledby': `label-${connection.id}`,
  },
  el('header', { class: 'card-head' },
    exchangeMark(connection.exchange, exchangeName),
    el('div', { class: 'card-titles' },
      el('h3', { class: 'connection-label', id: `label-${connection.id}`, text: connection.label }),
      el('p', { class: 'connection-exchange', text: exchangeName })),
    el('span', { class: `status status-${status}`, dataset: { role: 'status' } },
      el('span', { class: 'status-dot', 'aria-hidden': 'true' }),
      el('span', { class: 'status-text', text: STATUS_TEXT[status] }))),
  el('dl', { class: 'facts' },
    el('div', {}, el('dt', { text: 'Last sync' }), el('dd', {}, timeAgo(connection.lastSyncAt, 'last-sync'))),
    el('div', {}, el('dt', { text: 'Auto-sync' }), el('dd', {},
      el('label', { class: 'switch', for: `auto-${connection.id}` }, autoSync,
        el('span', { class: 'switch-text', text: connection.autoSync ? capitalise(syncInterval(connection.syncInterval)) : 'Off' })))),
    el('div', {}, el('dt', { text: 'API key' }), el('dd', { class: 'mono', dataset: { role: 'key-hint' }, text: `…${connection.apiKeyHint || ''}` }))),
  problem(connection, status, handlers),
  assetList(assets),
  el('footer', { class: 'card-actions' }, syncButton, editButton, disconnectButton));
}

/**
 * The last error in plain words. A disabled or failing connection also offers "Replace key" right
 * there: a rejected key is the usual reason, and a new key is the only repair.
 */
function problem(connection, status, handlers) {
  const needsKey = status === 'disabled' || status === 'error';
  if (!connection.lastError && !needsKey) return null;
  return el('div', { class: 'connection-error' },
    connection.lastError ? el('p', { dataset: { role: 'last-error' } },
      el('strong', { text: status === 'disabled' ? 'Needs attention: ' : 'Last error: ' }), connection.lastError) : null,
    needsKey ? el('button', {
      type: 'button', class: `btn btn-small${status === 'disabled' ? ' btn-primary' : ''}`, dataset: { action: 'replace-key' },
      'aria-label': `Replace the API key of ${connection.label}`, onclick: () => handlers.replaceKey(connection),
    }, 'Replace key') : null);
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assetList(assets) {
  if (!assets.length) {
    return el('p', { class: 'assets-empty muted', dataset: { role: 'assets' }, text: 'No assets synced yet' });
  }
  return el('ul', { class: 'assets', dataset: { role: 'assets' }, 'aria-label': 'Assets on this connection' },
    assets.map((asset) => el('li', { dataset: { symbol: asset.symbol } },
      el('span', { class: 'symbol', text: asset.symbol }), amount(asset.total))));
}
