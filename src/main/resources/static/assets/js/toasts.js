import { el, $ } from './dom.js';

/** Shows a short message for an action's outcome; kind is success, error or info. */
export function toast(message, kind = 'info') {
  const region = $('#toasts');
  // An open modal dialog sits in the top layer above everything else: show toasts inside it.
  const host = document.querySelector('dialog[open]') || document.body;
  if (region.parentElement !== host) host.append(region);
  const close = el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×' });
  const item = el('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('span', { class: 'toast-text', text: message }), close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  region.append(item);
  setTimeout(remove, kind === 'error' ? 9000 : 5000);
}
