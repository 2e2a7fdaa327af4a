import { api, ApiError, hasSession } from './api.js';
import { $ } from './dom.js';

// Sign-in and sign-up on one form: sign-up registers, then signs in with the same values.

let mode = 'signin';

const REASONS = { expired: 'Your session has ended. Please sign in again.', signedout: 'You are signed out.' };

function setMode(next) {
  mode = next;
  const signup = mode === 'signup';
  $('#auth-title').textContent = signup ? 'Create your account' : 'Sign in';
  $('#auth-submit').textContent = signup ? 'Create account' : 'Sign in';
  $('#switch-text').textContent = signup ? 'Already have an account?' : 'New to Coinsphere?';
  $('#switch-mode').textContent = signup ? 'Sign in' : 'Create an account';
  $('#password').autocomplete = signup ? 'new-password' : 'current-password';
  $('#password-hint').hidden = !signup;
  clearErrors();
}

function setError(field, message) {
  const node = $(`#${field}-error`);
  node.textContent = message || '';
  node.hidden = !message;
  if (message) $(`#${field}`).setAttribute('aria-invalid', 'true');
  else $(`#${field}`).removeAttribute('aria-invalid');
}

function clearErrors() {
  setError('email', null);
  setError('password', null);
  $('#form-error').hidden = true;
}

function formError(message) {
  $('#form-error').textContent = message;
  $('#form-error').hidden = false;
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  const email = $('#email').value.trim();
  const password = $('#password').value;
  let valid = true;
  if (!email) { setError('email', 'Email is required'); valid = false; }
  if (!password) { setError('password', 'Password is required'); valid = false; }
  if (!valid) { $('[aria-invalid="true"]').focus(); return; }

  const button = $('#auth-submit');
  button.disabled = true;
  try {
    if (mode === 'signup') {
      await api('POST', '/api/v1/auth/register', { email, password }, { auth: false });
    }
    // The answer sets the session cookies; the page never handles the token itself.
    await api('POST', '/api/v1/auth/login', { email, password }, { auth: false });
    location.assign('/exchanges');
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    let placed = false;
    for (const detail of error.details) {
      if (detail.field === 'email' || detail.field === 'password') {
        setError(detail.field, `${detail.field === 'email' ? 'Email' : 'Password'} ${detail.message}`);
        placed = true;
      }
    }
    if (!placed) formError(error.message);
    button.disabled = false;
  }
}

/** Still signed in (the server says so): straight to the exchanges. */
async function signedIn() {
  if (!hasSession()) return false;
  try {
    await api('GET', '/api/v1/auth/session', undefined, { auth: false });
    return true;
  } catch (error) {
    // Ended or signed out: the answer also cleared the cookies.
    if (!(error instanceof ApiError)) throw error;
    return false;
  }
}

function showForm() {
  const reason = new URLSearchParams(location.search).get('reason');
  if (REASONS[reason]) {
    $('#auth-notice').textContent = REASONS[reason];
    $('#auth-notice').hidden = false;
  }
  $('#auth-form').addEventListener('submit', submit);
  $('#switch-mode').addEventListener('click', () => setMode(mode === 'signin' ? 'signup' : 'signin'));
  $('#email').focus();
}

if (await signedIn()) {
  location.replace('/exchanges');
} else {
  showForm();
}
