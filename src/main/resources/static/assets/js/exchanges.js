import { api, ApiError, hasSession, signOut } from './api.js';
import { $, $$ } from './dom.js';
import { connectionCard } from './cards.js';
import { confirmDialog } from './dialogs.js';
import { createConnectModal } from './connect-modal.js';
import { createEditDialog } from './edit-dialog.js';
import { createKeyDialog } from './key-dialog.js';
import { exactTime, relativeTime } from './format.js';
import { startLive } from './live.js';
import { assetsByConnection, renderPortfolio } from './portfolio.js';
import { toast } from './toasts.js';
import { renderHistory, renderTotal, setUpValuePanel } from './value.js';

// The exchanges page: loads connections and holdings from the REST API, renders them, and
// reloads them whenever the live stream reports a finished sync or new prices.

const LIVE_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', polling: 'Updating every 10 s' };

const state = {
  exchanges: [],
  connections: [],
  holdings: [],
  // The whole GET /api/v1/holdings answer (values, total, quote currency) and the history shown.
  portfolio: null,
  range: '24h',
  history: null,
  change24h: null,
  // Connections whose Sync Now / Sync All is still running, with what they looked like when it was
  // asked for: a finished-sync event, or any change of that signature, ends the wait.
  pending: new Map(),
  loaded: false,
};

const signature = (c) => JSON.stringify([c.lastSyncAt, c.status, c.lastError, c.consecutiveFailures]);
const exchangeName = (id) => (state.exchanges.find((e) => e.id === id) || { name: id }).name;

const cardCache = new Map();
let renderedPortfolio = null;
let renderedValue = null;
let refreshing = null;
let refreshAgain = false;
let editDialog = null;
let keyDialog = null;

const CARD_HANDLERS = {
  sync: (c) => syncNow(c),
  disconnect: (c) => disconnect(c),
  autoSync: (c, enabled) => autoSync(c, enabled),
  edit: (c) => editDialog.open(c),
  replaceKey: (c) => keyDialog.open(c),
};

/** Reloads connections and holdings; calls that overlap are folded into one more reload. */
async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      try {
        const range = state.range;
        const [list, portfolio, history, day] = await Promise.all([
          api('GET', '/api/v1/exchanges/connections'), api('GET', '/api/v1/holdings'),
          api('GET', `/api/v1/portfolio/history?range=${encodeURIComponent(range)}`),
          range === '24h' ? null : api('GET', '/api/v1/portfolio/history?range=24h')]);
        state.connections = list.connections;
        state.holdings = portfolio.holdings;
        state.portfolio = portfolio;
        state.history = history;
        const daily = day || history;
        state.change24h = daily.points.length > 1 ? daily.change : null;
        state.loaded = true;
        settlePending();
        render();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.status !== 401) toast(`Could not load your connections: ${error.message}`, 'error');
      }
    } while (refreshAgain);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

/** Ends the wait of pending syncs whose connection changed (covers the polling fallback). */
function settlePending() {
  for (const [id, waiting] of state.pending) {
    const connection = state.connections.find((c) => c.id === id);
    if (!connection) state.pending.delete(id);
    else if (signature(connection) !== waiting.before && !connection.syncing) finishPending(connection);
  }
}

function finishPending(connection) {
  if (!state.pending.delete(connection.id)) return;
  if (connection.status === 'active') toast(`${connection.label} synced`, 'success');
  else toast(`${connection.label}: sync failed. ${connection.lastError || ''}`.trim(), 'error');
}

function render() {
  $('#loading').hidden = state.loaded;
  const empty = state.loaded && state.connections.length === 0;
  $('#empty-state').hidden = !empty;
  $('#sync-all').disabled = state.connections.length === 0;

  // A rebuilt card is a new element: remember which of its controls had focus and give it back.
  const focused = document.activeElement && document.activeElement.closest('[data-connection-id]');
  const focusKey = focused && [focused.dataset.connectionId, document.activeElement.dataset.action];

  const assets = assetsByConnection(state.holdings);
  const cards = state.connections.map((connection) => {
    const input = {
      connection,
      exchangeName: exchangeName(connection.exchange),
      assets: assets.get(connection.id) || [],
      pending: state.pending.has(connection.id),
    };
    // A card is rebuilt only when what it shows changed: tooltips, focus and selection survive updates.
    const key = JSON.stringify(input);
    const cached = cardCache.get(connection.id);
    if (cached && cached.key === key) return cached.node;
    const node = connectionCard(connection, { ...input, handlers: CARD_HANDLERS });
    cardCache.set(connection.id, { key, node });
    return node;
  });
  for (const id of cardCache.keys()) {
    if (!state.connections.some((c) => c.id === id)) cardCache.delete(id);
  }
  const list = $('#connections');
  if (cards.length !== list.children.length || cards.some((node, i) => list.children[i] !== node)) {
    list.replaceChildren(...cards);
  }
  const portfolioKey = JSON.stringify([state.portfolio, state.connections.length > 0, state.exchanges]);
  if (state.portfolio && portfolioKey !== renderedPortfolio) {
    renderPortfolio(state.portfolio, state.connections.length > 0, exchangeName);
    renderedPortfolio = portfolioKey;
  }
  $('#portfolio-value').hidden = state.connections.length === 0;
  const valueKey = JSON.stringify([state.portfolio, state.history, state.change24h, state.exchanges]);
  if (state.portfolio && state.history && valueKey !== renderedValue) {
    renderTotal(state.portfolio, state.change24h, exchangeName);
    renderHistory(state.history);
    renderedValue = valueKey;
  }

  if (focusKey) {
    const card = $(`article[data-connection-id="${CSS.escape(focusKey[0])}"]`);
    const again = card && $(`[data-action="${CSS.escape(focusKey[1] || '')}"]`, card);
    // A control the new card no longer has (Replace key on a repaired card) hands focus to its Edit button.
    const target = again && !again.disabled ? again : card && $('[data-action="edit"]', card);
    if (target && document.activeElement !== target) target.focus();
  }
}

function markPending(connections) {
  for (const connection of connections) {
    state.pending.set(connection.id, { before: signature(connection) });
  }
  render();
}

async function syncNow(connection) {
  markPending([connection]);
  try {
    await api('POST', `/api/v1/exchanges/connections/${encodeURIComponent(connection.id)}/sync`);
    toast(`Sync of ${connection.label} started`, 'info');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    state.pending.delete(connection.id);
    render();
    toast(`Could not sync ${connection.label}: ${error.message}`, 'error');
  }
}

async function syncAll() {
  const button = $('#sync-all');
  button.disabled = true;
  markPending(state.connections);
  try {
    const answer = await api('POST', '/api/v1/exchanges/sync-all');
    toast(`Sync queued for ${answer.queued} connection${answer.queued === 1 ? '' : 's'}`, 'info');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    state.pending.clear();
    render();
    toast(`Could not start the sync: ${error.message}`, 'error');
  } finally {
    button.disabled = state.connections.length === 0;
  }
}

async function disconnect(connection) {
  const name = exchangeName(connection.exchange);
  const confirmed = await confirmDialog({
    title: `Disconnect ${name} “${connection.label}”?`,
    message: `This removes the ${name} connection “${connection.label}” and its holdings from Coinsphere. `
      + `The API key itself stays valid on ${name} until you delete it there.`,
    confirmText: 'Disconnect',
  });
  if (!confirmed) return;
  try {
    await api('DELETE', `/api/v1/exchanges/connections/${encodeURIComponent(connection.id)}`);
    state.connections = state.connections.filter((c) => c.id !== connection.id);
    state.pending.delete(connection.id);
    render();
    toast(`Disconnected ${name} “${connection.label}”`, 'success');
    $('#open-connect').focus();
    refresh();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    toast(`Could not disconnect ${connection.label}: ${error.message}`, 'error');
  }
}

async function autoSync(connection, enabled) {
  try {
    await api('PATCH', `/api/v1/exchanges/connections/${encodeURIComponent(connection.id)}`, { autoSync: enabled });
    toast(`Auto-sync ${enabled ? 'on' : 'off'} for ${connection.label}`, 'success');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    toast(`Could not change auto-sync: ${error.message}`, 'error');
  }
  refresh();
}

/** A connection as the API answered a change: the card shows it at once, then everything reloads. */
function replaceConnection(updated) {
  state.connections = state.connections.map((c) => (c.id === updated.id ? updated : c));
}

function onSaved(updated) {
  replaceConnection(updated);
  render();
  refresh();
}

/** A new key: the service made the connection active and queued a sync; the card waits for it. */
function onKeyReplaced(updated) {
  replaceConnection(updated);
  markPending([updated]);
  refresh();
}

/** A finished sync from the live stream: show it at once, then reload the details. */
function onSync(message) {
  const connection = state.connections.find((c) => c.id === message.connectionId);
  if (connection) {
    const ok = message.status === 'success';
    connection.status = ok ? 'active' : message.status;
    connection.syncing = false;
    if (ok) connection.lastSyncAt = message.syncedAt;
    connection.lastError = ok ? null : message.error;
    finishPending(connection);
    render();
  }
  refresh();
}

/** Another currency: stored as the user's setting, then everything is valued again. */
async function changeQuote(quote) {
  try {
    await api('PATCH', '/api/v1/me', { quoteCurrency: quote });
    toast(`Values now in ${quote}`, 'success');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    toast(`Could not change the currency: ${error.message}`, 'error');
  }
  refresh();
}

function changeRange(range) {
  state.range = range;
  refresh();
}

function onLiveState(liveState) {
  $('#live-text').textContent = LIVE_TEXT[liveState] || liveState;
  $('#live-indicator').dataset.state = liveState;
}

/** Relative times go stale: refresh their text twice a minute. */
function tickTimes() {
  for (const node of $$('time[data-time]')) {
    node.textContent = relativeTime(node.dataset.time || null);
    node.title = exactTime(node.dataset.time || null);
  }
}

async function start() {
  if (!hasSession()) {
    location.replace('/');
    return;
  }
  $('#sign-out').addEventListener('click', () => signOut());
  $('#sync-all').addEventListener('click', syncAll);
  try {
    state.exchanges = (await api('GET', '/api/v1/exchanges/supported')).exchanges;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    toast(`Could not load the supported exchanges: ${error.message}`, 'error');
  }
  const connectModal = createConnectModal({ exchanges: state.exchanges, onConnected: () => refresh() });
  keyDialog = createKeyDialog({ exchanges: state.exchanges, onReplaced: onKeyReplaced, onStale: refresh });
  editDialog = createEditDialog({
    exchangeName, onSaved, onStale: refresh, onReplaceKey: (connection) => keyDialog.open(connection),
  });
  $('#open-connect').addEventListener('click', () => connectModal.open());
  $('#empty-connect').addEventListener('click', () => connectModal.open());
  try {
    const me = await api('GET', '/api/v1/me');
    setUpValuePanel({ quoteCurrencies: me.quoteCurrencies, quote: me.quoteCurrency, onQuote: changeQuote, onRange: changeRange });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
  setInterval(tickTimes, 30_000);
  await refresh();
  startLive({ onSync, onResync: refresh, onState: onLiveState, onPrices: refresh });
}

start();
