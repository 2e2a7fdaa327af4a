import { api } from './api.js';
import { $, $$, el, exchangeMark } from './dom.js';
import { modal } from './dialogs.js';
import { clearErrorsOnInput, formFeedback, formRequest } from './fields.js';
import { keyHint, keyLabels, secretControl } from './key-kinds.js';
import { toast } from './toasts.js';

// The replace-key dialog (PUT /connections/{id}/credentials): how a connection disabled by a
// rejected key is repaired. The service tests the new key with the exchange before storing it, so
// there is no separate test step. SECURITY: the values live only in the form fields and are
// cleared on close.

const LABELS = { apiKey: 'API key', apiSecret: 'API secret', passphrase: 'Passphrase' };

export function createKeyDialog({ exchanges, onReplaced, onStale }) {
  const dialog = $('#key-dialog');
  const form = $('#key-form', dialog);
  const submitButton = $('#submit-key', dialog);
  const passphraseField = $('#key-field-passphrase', dialog);
  // The labels object is shared with the feedback, so naming the fields for the exchange renames its messages too.
  const labels = { ...LABELS };
  const feedback = formFeedback(form, 'k', labels, $('#key-result', dialog));
  const input = (name) => $(`#k-${name}`, dialog);
  let target = null;
  let exchange = null;

  const control = modal(dialog, () => close());

  const fields = () => Object.keys(LABELS).filter((name) => name !== 'passphrase' || exchange.requiresPassphrase);

  const requireFields = () => {
    let ok = true;
    for (const name of fields()) {
      if (input(name).value.trim() === '') {
        feedback.setField(name, `${labels[name]} is required`);
        ok = false;
      }
    }
    return ok;
  };

  const request = formRequest({
    form, button: submitButton, feedback, busyText: 'Testing the key…', idleText: 'Test and replace', onStale,
  });

  const replace = async (event) => {
    event.preventDefault();
    if (request.busy || !target) return;
    feedback.clear();
    if (!requireFields()) {
      feedback.focusInvalid();
      return;
    }
    const connection = target;
    const body = Object.fromEntries(fields().map((name) => [name, input(name).value]));
    const url = `/api/v1/exchanges/connections/${encodeURIComponent(connection.id)}/credentials`;
    await request.run(() => api('PUT', url, body), {
      done(updated) {
        close();
        toast(`${exchange.name} accepted the new key for ${updated.label}; syncing now`, 'success');
        onReplaced(updated);
      },
      errorTitle: (error) => (error.code === 'invalid_credentials'
        ? `${exchange.name} rejected this key; the old one is still stored` : 'Could not replace the key'),
      failureToast: (error) => `Could not replace the key of ${connection.label}: ${error.message}`,
    });
  };

  function close() {
    form.reset();
    feedback.clear();
    target = null;
    control.close();
  }

  clearErrorsOnInput(feedback, Object.keys(LABELS), input);
  form.addEventListener('submit', replace);
  $$('[data-action="close-key"]', dialog).forEach((button) => button.addEventListener('click', close));

  return {
    open(connection) {
      target = connection;
      exchange = exchanges.find((e) => e.id === connection.exchange)
        || { id: connection.exchange, name: connection.exchange, requiresPassphrase: false };
      $('#key-title', dialog).textContent = `Replace the API key of ${connection.label}`;
      $('#key-exchange', dialog).replaceChildren(exchangeMark(exchange.id, exchange.name),
        el('span', { class: 'chosen-name', text: exchange.name }),
        el('span', { class: 'mono muted', text: `now …${connection.apiKeyHint || ''}` }));
      $('#key-explain', dialog).textContent = `${keyHint(exchange)} It is tested with ${exchange.name} before it replaces `
        + 'the stored key; the connection then becomes active and syncs at once.';
      const names = keyLabels(exchange);
      labels.apiKey = names.apiKey;
      labels.apiSecret = names.apiSecret;
      $('label[for="k-apiKey"]', dialog).textContent = `New ${names.apiKey}`;
      $('label[for="k-apiSecret"]', dialog).textContent = `New ${names.apiSecret.toLowerCase().replace(/^api/, 'API')}`;
      secretControl(input('apiSecret'), exchange, () => feedback.setField('apiSecret', null));
      passphraseField.hidden = !exchange.requiresPassphrase;
      input('passphrase').disabled = !exchange.requiresPassphrase;
      control.open(input('apiKey'));
    },
  };
}
