// Calls to the API with the caller's token; every failure becomes an ApiError with the API's code and message.
import { API_BASE_URL } from './config.js';

const TOKEN_KEY = 'instance-role-token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body.message || `HTTP ${status}`);
    this.status = status;
    this.code = body.code || `HTTP${status}`;
    this.details = body.details || [];
    this.requestId = body.requestId;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A token handed over in the URL fragment (#token=...) by whatever logged the person in; taken once, then removed from the address bar. */
export function takeTokenFromFragment() {
  const match = location.hash.match(/(?:^#|&)token=([^&]+)/);
  if (!match) return;
  setToken(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

/** The JSON answer; throws ApiError for any status the API calls a failure (a 207 batch is an answer, not a failure). */
export async function call(method, path, body, signal) {
  const headers = { Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API_BASE_URL + path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NetworkError', message: `the API at ${API_BASE_URL || location.origin} did not answer (${e.message})` });
  }
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch { json = { message: text.slice(0, 300) }; }
  if (!response.ok) throw new ApiError(response.status, json);
  json.httpStatus = response.status;
  return json;
}

export const get = (path, signal) => call('GET', path, undefined, signal);
export const post = (path, body, signal) => call('POST', path, body, signal);

/** The demo callers of the local stack, for the token picker; [] when the page is served by anything else. */
export async function localCallers() {
  try {
    const response = await fetch(API_BASE_URL + '/_local/callers');
    return response.ok ? await response.json() : [];
  } catch {
    return [];
  }
}

export const enc = encodeURIComponent;
