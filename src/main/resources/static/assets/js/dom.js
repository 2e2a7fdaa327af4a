// Small DOM helpers. SECURITY: text only ever goes in as textContent or text nodes, never as HTML,
// so a label such as "<script>" is shown as typed.

/** Builds an element: attrs may hold class, text, dataset, on<event> handlers and plain attributes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** The coloured mark shown for an exchange (letters, not the exchange's trademarked logo). */
export function exchangeMark(id, name) {
  const letters = { binance: 'B', coinbase: 'C', 'coinbase-advanced': 'C', kraken: 'K', kucoin: 'KC', okx: 'OK', bybit: 'BY', bitstamp: 'BS', gemini: 'G' }[id] || (name || '?').slice(0, 2);
  return el('span', { class: `mark mark-${id}`, 'aria-hidden': 'true', text: letters });
}
