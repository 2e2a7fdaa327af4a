// The page's only way to the service: the public REST API with a bearer token.
// The token lives in sessionStorage: it survives a reload of the tab but not closing it, and no
// other tab or site can read it. It moves to an HttpOnly cookie when cookie sessions arrive.

const TOKEN_KEY = 'coinsphere.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(accessToken) {
  sessionStorage.setItem(TOKEN_KEY, accessToken);
}

export function signOut(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  location.assign(reason ? `/?${new URLSearchParams({ reason })}` : '/');
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

/** Calls the API; resolves with the parsed JSON body, rejects with an ApiError. */
export async function api(method, path, body, { auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = `Bearer ${token()}`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
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
    // The token expired or was revoked: back to sign-in, saying why.
    signOut('expired');
    throw new ApiError(401, data);
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
