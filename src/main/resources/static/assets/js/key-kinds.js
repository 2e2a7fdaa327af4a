import { el } from './dom.js';

// What the page says about each exchange's API key: the names of its fields, where to create it and which
// permission to tick. Coinbase has two kinds of key: people with the Coinbase app or Advanced Trade create a
// CDP key (a key name and a multi-line private key), institutions a Coinbase Exchange key with a passphrase.
// One "Coinbase" tile stands for both, and the form asks which key the user has.

const DEFAULT_LABELS = { label: 'Label', apiKey: 'API key', apiSecret: 'API secret', passphrase: 'Passphrase' };

const KINDS = {
  'coinbase-advanced': {
    group: 'coinbase',
    choice: 'Coinbase app / Advanced Trade (CDP key)',
    note: 'Recommended',
    labels: { apiKey: 'API key name', apiSecret: 'Private key' },
    hint: 'Create a secret API key at the Coinbase Developer Platform (portal.cdp.coinbase.com, API keys) with only '
      + 'the "View" permission ticked, then paste its name (organizations/…/apiKeys/…) and its whole private key.',
    multiLine: true,
  },
  coinbase: {
    group: 'coinbase',
    choice: 'Coinbase Exchange',
    note: 'Institutional accounts: key, secret and passphrase',
    hint: 'Create an API key on Coinbase Exchange (Settings, API) with only the "View" permission ticked; '
      + 'Coinbase Exchange also shows a passphrase for the key.',
  },
};

/** How the form names each field for this exchange ("Private key" for a CDP key's secret). */
export function keyLabels(exchange) {
  return { ...DEFAULT_LABELS, ...(KINDS[exchange.id]?.labels || {}) };
}

/** One line on where to create the key and which permission to tick. */
export function keyHint(exchange) {
  return KINDS[exchange.id]?.hint || `Create an API key on ${exchange.name} with read (view) permission only: `
    + 'no trading, no withdrawals.' + (exchange.requiresPassphrase ? ` ${exchange.name} also shows a passphrase for the key.` : '');
}

/** The exchanges of the same family, the recommended one first ([exchange] alone for most). */
export function keyKinds(exchange, exchanges) {
  const group = KINDS[exchange.id]?.group;
  if (!group) return [exchange];
  return Object.keys(KINDS).filter((id) => KINDS[id].group === group)
    .map((id) => exchanges.find((e) => e.id === id)).filter(Boolean);
}

/** The tiles of the chooser: one per exchange, one per family (its recommended kind), in the API's order. */
export function exchangeTiles(exchanges) {
  const seen = new Set();
  const tiles = [];
  for (const exchange of exchanges) {
    const group = KINDS[exchange.id]?.group;
    if (!group) tiles.push(exchange);
    else if (!seen.has(group)) {
      seen.add(group);
      tiles.push(keyKinds(exchange, exchanges)[0]);
    }
  }
  return tiles;
}

/** The radio buttons that ask which kind of key the user has; onPick(exchange) when one is picked. */
export function keyKindChoice(kinds, chosen, onPick) {
  return kinds.map((kind) => el('label', { class: 'key-kind-option' },
    el('input', {
      type: 'radio', name: 'keyKind', value: kind.id, checked: kind.id === chosen.id, onchange: () => onPick(kind),
    }),
    el('span', { class: 'key-kind-text' }, el('span', { class: 'key-kind-name', text: KINDS[kind.id]?.choice || kind.name }),
      el('span', { class: 'key-kind-note', text: KINDS[kind.id]?.note || '' }))));
}

const alternates = new WeakMap();

/**
 * Makes the secret field a multi-line text area (a PEM private key keeps its line breaks) or a password input,
 * as the exchange needs; returns the field now in the form. The other control is kept, with its listeners, for
 * the next switch; onInput is attached to the text area when it is made.
 */
export function secretControl(field, exchange, onInput) {
  const multiLine = Boolean(KINDS[exchange.id]?.multiLine);
  if ((field.tagName === 'TEXTAREA') === multiLine) return field;
  let other = alternates.get(field);
  if (!other) {
    other = multiLine ? el('textarea', { rows: 6, class: 'secret-text', wrap: 'off' }) : el('input', { type: 'password' });
    for (const name of ['id', 'name', 'maxlength', 'autocomplete', 'spellcheck', 'required', 'aria-describedby']) {
      if (field.hasAttribute(name)) other.setAttribute(name, field.getAttribute(name));
    }
    other.addEventListener('input', onInput);
    alternates.set(field, other);
    alternates.set(other, field);
  }
  other.value = '';
  field.replaceWith(other);
  return other;
}
