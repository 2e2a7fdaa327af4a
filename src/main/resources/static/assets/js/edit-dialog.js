import { api } from './api.js';
import { $, $$, el, exchangeMark } from './dom.js';
import { modal } from './dialogs.js';
import { clearErrorsOnInput, formFeedback, formRequest } from './fields.js';
import { syncInterval } from './format.js';
import { toast } from './toasts.js';

// The edit dialog: a connection's label, auto-sync and interval (PATCH /connections/{id}).
// Only changed fields are sent, because a new interval re-plans the next sync. The allowed range of
// the interval is the server's to say: its message is shown under the field, so page and API never
// disagree about it.

const LABELS = { label: 'Label', autoSync: 'Auto-sync', syncInterval: 'Sync interval' };

export function createEditDialog({ exchangeName, onSaved, onReplaceKey, onStale }) {
  const dialog = $('#edit-dialog');
  const form = $('#edit-form', dialog);
  const saveButton = $('#submit-edit', dialog);
  const intervalHint = $('#e-syncInterval-hint', dialog);
  const feedback = formFeedback(form, 'e', LABELS, $('#edit-result', dialog));
  const input = (name) => $(`#e-${name}`, dialog);
  let editing = null;

  const control = modal(dialog, () => close());

  const describeInterval = () => {
    const seconds = Number(input('syncInterval').value);
    const now = input('syncInterval').value !== '' && Number.isInteger(seconds) && seconds > 0
      ? ` Now: ${syncInterval(seconds)}.` : '';
    intervalHint.textContent = `From 60 (1 min) to 86400 (24 h).${now}`;
  };

  /** The fields that differ from the connection, or null when one cannot be sent as it is. */
  const changes = () => {
    const body = {};
    // An emptied label goes back to the exchange's name, as when connecting without one.
    const label = input('label').value.trim() || exchangeName(editing.exchange);
    if (label !== editing.label) body.label = label;
    const autoSync = input('autoSync').checked;
    if (autoSync !== editing.autoSync) body.autoSync = autoSync;
    const interval = input('syncInterval');
    if (interval.validity.badInput || interval.value.trim() === '') {
      feedback.setField('syncInterval', 'Sync interval is required: a number of seconds');
      return null;
    }
    const seconds = Number(interval.value);
    if (!Number.isInteger(seconds)) {
      feedback.setField('syncInterval', 'Sync interval must be a whole number of seconds');
      return null;
    }
    if (seconds !== editing.syncInterval) body.syncInterval = seconds;
    return body;
  };

  const request = formRequest({ form, button: saveButton, feedback, busyText: 'Saving…', idleText: 'Save', onStale });

  const save = async (event) => {
    event.preventDefault();
    if (request.busy || !editing) return;
    feedback.clear();
    const body = changes();
    if (body === null) {
      feedback.focusInvalid();
      return;
    }
    const connection = editing;
    if (Object.keys(body).length === 0) {
      close();
      toast(`No changes to ${connection.label}`, 'info');
      return;
    }
    await request.run(() => api('PATCH', `/api/v1/exchanges/connections/${encodeURIComponent(connection.id)}`, body), {
      done(updated) {
        // Close first: focus goes back to the card's Edit button, which the page keeps on the updated card.
        close();
        toast(`Saved ${updated.label}`, 'success');
        onSaved(updated);
      },
      errorTitle: () => 'Could not save the changes',
      failureToast: (error) => `Could not save ${connection.label}: ${error.message}`,
    });
  };

  function close() {
    form.reset();
    feedback.clear();
    editing = null;
    control.close();
  }

  clearErrorsOnInput(feedback, Object.keys(LABELS), input);
  input('syncInterval').addEventListener('input', describeInterval);
  form.addEventListener('submit', save);
  $('#edit-replace-key', dialog).addEventListener('click', () => {
    const connection = editing;
    close();
    onReplaceKey(connection);
  });
  $$('[data-action="close-edit"]', dialog).forEach((button) => button.addEventListener('click', close));

  return {
    open(connection) {
      editing = connection;
      const name = exchangeName(connection.exchange);
      $('#edit-title', dialog).textContent = `Edit ${connection.label}`;
      $('#edit-exchange', dialog).replaceChildren(exchangeMark(connection.exchange, name),
        el('span', { class: 'chosen-name', text: name }));
      input('label').value = connection.label;
      input('label').placeholder = name;
      input('autoSync').checked = connection.autoSync;
      input('syncInterval').value = String(connection.syncInterval);
      $('#edit-key-hint', dialog).textContent = `…${connection.apiKeyHint || ''}`;
      describeInterval();
      control.open(input('label'));
    },
  };
}
