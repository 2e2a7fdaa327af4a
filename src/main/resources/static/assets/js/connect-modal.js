import { api, ApiError } from './api.js';
import { $, $$, el, exchangeMark } from './dom.js';
import { modal } from './dialogs.js';
import { exchangeTiles, keyHint, keyKindChoice, keyKinds, keyLabels, secretControl } from './key-kinds.js';
import { toast } from './toasts.js';

// The connect modal: step 1 picks one of the supported exchanges, step 2 takes the key (for Coinbase, after
// asking which kind of key the user has).
// "Connect" is enabled only after a successful test of exactly the values in the form: any edit
// disables it again. SECURITY: the values live only in the form fields and are cleared on close.

const FIELDS = ['label', 'apiKey', 'apiSecret', 'passphrase'];

export function createConnectModal({ exchanges, onConnected }) {
  const dialog = $('#connect-dialog');
  const chooseStep = $('#step-choose', dialog);
  const form = $('#step-form', dialog);
  const grid = $('#exchange-grid', dialog);
  const result = $('#test-result', dialog);
  const testButton = $('#test-connection', dialog);
  const connectButton = $('#submit-connect', dialog);
  const passphraseField = $('#field-passphrase', dialog);
  const kindChoice = $('#key-kind', dialog);
  let chosen = null;
  let testedValues = null;
  let busy = false;

  const control = modal(dialog, () => close());

  const input = (name) => $(`#f-${name}`, dialog);

  const values = () => {
    const body = { exchange: chosen.id };
    for (const name of FIELDS) {
      if (name === 'passphrase' && !chosen.requiresPassphrase) continue;
      body[name] = input(name).value;
    }
    return body;
  };

  const sameAsTested = () => testedValues !== null && JSON.stringify(values()) === testedValues;
  const updateConnectButton = () => {
    connectButton.disabled = busy || !sameAsTested();
  };

  const setFieldError = (name, message) => {
    const field = input(name);
    const error = $(`#f-${name}-error`, dialog);
    if (!field || !error) return false;
    error.textContent = message || '';
    error.hidden = !message;
    if (message) field.setAttribute('aria-invalid', 'true');
    else field.removeAttribute('aria-invalid');
    return true;
  };

  const clearErrors = () => FIELDS.forEach((name) => setFieldError(name, null));

  const showResult = (kind, title, lines = []) => {
    result.replaceChildren(el('p', { class: 'test-result-title', text: title }),
      ...lines.filter(Boolean).map((line) => el('p', { class: 'test-result-line', text: line })));
    result.className = `test-result test-result-${kind}`;
    result.dataset.outcome = kind;
    result.hidden = false;
  };

  const hideResult = () => {
    result.hidden = true;
    result.replaceChildren();
    delete result.dataset.outcome;
  };

  /** Field errors from the API go next to their field; the rest go in the result box. */
  const showApiError = (error) => {
    let placed = false;
    for (const detail of error.details) {
      if (FIELDS.includes(detail.field) && setFieldError(detail.field, `${keyLabels(chosen)[detail.field]} ${detail.message}`)) placed = true;
    }
    if (!placed || error.code !== 'validation_failed') {
      showResult('error', error.code === 'invalid_credentials' ? 'The exchange rejected this key' : 'Test failed', [error.message]);
    }
  };

  const requireFields = () => {
    let ok = true;
    for (const name of ['apiKey', 'apiSecret', 'passphrase']) {
      if (name === 'passphrase' && !chosen.requiresPassphrase) continue;
      if (input(name).value.trim() === '') {
        setFieldError(name, `${keyLabels(chosen)[name]} is required`);
        ok = false;
      }
    }
    if (!ok) $('[aria-invalid="true"]', form).focus();
    return ok;
  };

  const setBusy = (value, button, text) => {
    busy = value;
    testButton.disabled = value;
    form.setAttribute('aria-busy', String(value));
    if (button) {
      button.classList.toggle('is-busy', value);
      button.textContent = text;
    }
    updateConnectButton();
  };

  const test = async () => {
    clearErrors();
    hideResult();
    testedValues = null;
    updateConnectButton();
    if (!requireFields()) return;
    const body = values();
    setBusy(true, testButton, 'Testing…');
    try {
      const answer = await api('POST', '/api/v1/exchanges/test', body);
      testedValues = JSON.stringify(body);
      const permissions = Array.isArray(answer.permissions) && answer.permissions.length
        ? `Permissions: ${answer.permissions.join(', ')}` : null;
      const warnings = Array.isArray(answer.warnings) ? answer.warnings.map((w) => `Warning: ${w}`) : [];
      showResult('success', answer.message || 'Connection successful', [permissions, ...warnings,
        `${chosen.name} accepted the key. You can connect it now.`]);
      toast(`${chosen.name}: the key works`, 'success');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showApiError(error);
      toast(`${chosen.name}: ${error.message}`, 'error');
    } finally {
      setBusy(false, testButton, 'Test Connection');
    }
  };

  const connect = async (event) => {
    event.preventDefault();
    if (!sameAsTested()) return;
    const body = values();
    setBusy(true, connectButton, 'Connecting…');
    try {
      const answer = await api('POST', '/api/v1/exchanges/connect', body);
      const label = body.label.trim() || chosen.name;
      close();
      toast(`${label} connected; the first sync is on its way`, 'success');
      onConnected(answer.connectionId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showApiError(error);
      toast(`Could not connect ${chosen.name}: ${error.message}`, 'error');
    } finally {
      setBusy(false, connectButton, 'Connect');
    }
  };

  const showForm = (exchange) => {
    chosen = exchange;
    chooseStep.hidden = true;
    form.hidden = false;
    $('#chosen-exchange', dialog).replaceChildren(exchangeMark(exchange.id, exchange.name),
      el('span', { class: 'chosen-name', text: exchange.name }));
    const kinds = keyKinds(exchange, exchanges);
    kindChoice.hidden = kinds.length < 2;
    $('#key-kind-options', dialog).replaceChildren(...(kinds.length < 2 ? [] : keyKindChoice(kinds, exchange, pickKind)));
    showKeyFields(exchange);
    input('label').placeholder = exchange.name;
    input('apiKey').focus();
  };

  /** The key fields as this exchange names them; the secret is a text area where it is a PEM block. */
  const showKeyFields = (exchange) => {
    const labels = keyLabels(exchange);
    $('#key-hint', dialog).textContent = keyHint(exchange);
    $('label[for="f-apiKey"]', dialog).textContent = labels.apiKey;
    $('label[for="f-apiSecret"]', dialog).textContent = labels.apiSecret;
    secretControl(input('apiSecret'), exchange, onFieldInput('apiSecret'));
    passphraseField.hidden = !exchange.requiresPassphrase;
    input('passphrase').disabled = !exchange.requiresPassphrase;
  };

  /** The user says which kind of key they have: the key fields change, the label stays. */
  const pickKind = (exchange) => {
    chosen = exchange;
    for (const name of ['apiKey', 'apiSecret', 'passphrase']) input(name).value = '';
    clearErrors();
    hideResult();
    testedValues = null;
    updateConnectButton();
    showKeyFields(exchange);
  };

  const showChoice = () => {
    resetForm();
    chosen = null;
    form.hidden = true;
    chooseStep.hidden = false;
    $('button', grid)?.focus();
  };

  const resetForm = () => {
    form.reset();
    clearErrors();
    hideResult();
    testedValues = null;
    updateConnectButton();
  };

  function close() {
    resetForm();
    chosen = null;
    control.close();
  }

  grid.replaceChildren(...exchangeTiles(exchanges).map((exchange) => el('button', {
    type: 'button', class: 'exchange-option', dataset: { exchange: exchange.id }, onclick: () => showForm(exchange),
  }, exchangeMark(exchange.id, exchange.name), el('span', { class: 'exchange-name', text: exchange.name }),
  el('span', { class: 'exchange-sub', text: subtitle(exchange) }))));

  function onFieldInput(name) {
    return () => {
      setFieldError(name, null);
      if (testedValues !== null && !sameAsTested()) {
        hideResult();
        testedValues = null;
      }
      updateConnectButton();
    };
  }

  function subtitle(exchange) {
    if (keyKinds(exchange, exchanges).length > 1) return 'App, Advanced Trade or Exchange key';
    return exchange.requiresPassphrase ? 'Key, secret and passphrase' : 'Key and secret';
  }

  for (const name of FIELDS) {
    input(name).addEventListener('input', onFieldInput(name));
  }
  testButton.addEventListener('click', test);
  form.addEventListener('submit', connect);
  $('#back-to-choose', dialog).addEventListener('click', showChoice);
  $$('[data-action="close-connect"]', dialog).forEach((button) => button.addEventListener('click', close));

  return {
    open() {
      form.hidden = true;
      chooseStep.hidden = false;
      control.open($('button', grid));
    },
  };
}
