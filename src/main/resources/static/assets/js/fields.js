import { ApiError } from './api.js';
import { $, el } from './dom.js';
import { toast } from './toasts.js';

// Errors inside a dialog's form: each input #<prefix>-<name> has its message in #<prefix>-<name>-error,
// and whatever belongs to no field goes in one result box. Field errors from the API land next to
// the field the API named, so the user sees the server's own words where the problem is.

/** labels maps each field name to how the form names it ("syncInterval" -> "Sync interval"). */
export function formFeedback(root, prefix, labels, result) {
  const names = Object.keys(labels);

  const setField = (name, message) => {
    const input = $(`#${prefix}-${name}`, root);
    const error = $(`#${prefix}-${name}-error`, root);
    if (!input || !error) return false;
    error.textContent = message || '';
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    return true;
  };

  const showResult = (title, lines = []) => {
    result.replaceChildren(el('p', { class: 'test-result-title', text: title }),
      ...lines.filter(Boolean).map((line) => el('p', { class: 'test-result-line', text: line })));
    result.className = 'test-result test-result-error';
    result.dataset.outcome = 'error';
    result.hidden = false;
  };

  const hideResult = () => {
    result.hidden = true;
    result.replaceChildren();
    delete result.dataset.outcome;
  };

  /** Moves focus to the first field marked invalid; true if there was one. */
  const focusInvalid = () => {
    const invalid = $('[aria-invalid="true"]', root);
    if (invalid) invalid.focus();
    return Boolean(invalid);
  };

  return {
    setField,
    hideResult,
    focusInvalid,
    clear() {
      names.forEach((name) => setField(name, null));
      hideResult();
    },
    /** An ApiError: its field details next to their fields, anything else in the result box. */
    showApiError(error, title) {
      let placed = false;
      for (const detail of error.details) {
        if (names.includes(detail.field) && setField(detail.field, `${labels[detail.field]} ${detail.message}`)) placed = true;
      }
      if (!placed || error.code !== 'validation_failed') showResult(title, [error.message]);
      focusInvalid();
    },
  };
}

/** Shows a dialog's form as busy (or not) while its request runs: the button says what is happening. */
export function showBusy(form, button, value, busyText, idleText) {
  button.disabled = value;
  button.classList.toggle('is-busy', value);
  button.textContent = value ? busyText : idleText;
  form.setAttribute('aria-busy', String(value));
}

/**
 * The request a dialog's form sends, and what every dialog does around it: the form busy while it runs, an
 * ApiError shown in the form (field details next to their fields) and as a toast, a 404 (the connection is gone
 * meanwhile) handed to onStale. Any other error is a bug and is thrown.
 */
export function formRequest({ form, button, feedback, busyText, idleText, onStale }) {
  let busy = false;
  const setBusy = (value) => {
    busy = value;
    showBusy(form, button, value, busyText, idleText);
  };
  return {
    get busy() {
      return busy;
    },
    /** errorTitle and failureToast turn the ApiError into the form's title and the toast's text. */
    async run(request, { done, errorTitle, failureToast }) {
      setBusy(true);
      try {
        done(await request());
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        feedback.showApiError(error, errorTitle(error));
        toast(failureToast(error), 'error');
        if (error.status === 404) onStale();
      } finally {
        setBusy(false);
      }
    },
  };
}

/** A field's error goes away as soon as the user edits that field. */
export function clearErrorsOnInput(feedback, names, input) {
  for (const name of names) {
    input(name).addEventListener('input', () => feedback.setField(name, null));
  }
}
