// The page's only way to the service: the public REST API, signed in by the session cookie.
// Login sets the access token in an HttpOnly cookie that no script (ours or an injected one) can read,
// and the session's CSRF token in a readable cookie. Every write echoes that token in X-CSRF-Token:
// another site can make the browser send the cookie, but it cannot know the token.

const CSRF_COOKIE = 'coinsphere_csrf';
const SAFE_METHODS = ['GET', 'HEAD'];

/** The session's CSRF token, or null when this browser holds no session. */
export function csrfToken() {
  const prefix = `${CSRF_COOKIE}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** True when the browser holds a session; whether it is still valid only the server knows. */
export function hasSession() {
  return csrfToken() !== null;
}

/** Back to the sign-in page, saying why. */
export function goToSignIn(reason) {
  location.assign(reason ? `/?${new URLSearchParams({ reason })}` : '/');
}

/** Signs out on the server (the token stops working, the cookies go), then shows the sign-in page. */
export async function signOut() {
  try {
    await api('POST', '/api/v1/auth/logout', undefined, { auth: false });
  } catch (error) {
    // Already signed out or unreachable: the sign-in page is still the right place.
    if (!(error instanceof ApiError)) throw error;
  }
  goToSignIn('signedout');
}

/** An API error body: {success:false, error, message, details:[{field, message}]}. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || (status ? `Request failed (${status})` : 'The service could not be reached'));
    this.status = status;
    this.code = (body && body.error) || 'network_error';
    this.details = (body && Array.isArray(body.details)) ? body.details : [];
  }

  /** The message of one field's problem, if the API named that field. */
  fieldMessage(field) {
    const found = this.details.find((d) => d.field === field);
    return found ? found.message : null;
  }
}

/**
 * Calls the API; resolves with the parsed JSON body, rejects with an ApiError. With auth (the default) a 401
 * means the session ended and leads back to the sign-in page.
 */
export async function api(method, path, body, options = {}) {
  // While the service starts (503 "starting") the call waits as the answer asks and tries again, with a
  // "starting" banner instead of an error.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const data = await send(method, path, body, options);
      startingBanner(false);
      return data;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'starting' || attempt >= 60) throw error;
      startingBanner(true);
      await new Promise((resolve) => { setTimeout(resolve, Math.min(error.retryAfter || 2, 5) * 1000); });
    }
  }
}

/** Shows or hides the page-wide "the service is starting" banner. */
function startingBanner(show) {
  let banner = document.getElementById('service-starting');
  if (!show) {
    if (banner) banner.remove();
    return;
  }
  if (banner) return;
  banner = document.createElement('p');
  banner.id = 'service-starting';
  banner.className = 'notice starting-banner';
  banner.setAttribute('role', 'status');
  banner.textContent = 'Coinsphere is starting. This page carries on by itself in a few seconds.';
  document.body.prepend(banner);
}

async function send(method, path, body, { auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = csrfToken();
  if (!SAFE_METHODS.includes(method) && csrf) headers['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (networkError) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (notJson) {
    data = null;
  }
  if (response.status === 401 && auth) {
    // The session expired or was signed out elsewhere (the answer cleared its cookies): back to sign-in.
    goToSignIn('expired');
    throw new ApiError(401, data);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw error;
  }
  return data;
}
