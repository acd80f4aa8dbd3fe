// Logga in: the product's own login page in Swedish and English. It sends the form to Spring Security's
// /login with the CSRF token of the XSRF-TOKEN cookie in the header, and the page to return to ("continue",
// a path of this site), so the user lands where the login was asked for.
import { initPage, t, el, fill, param, onLangChange } from './common.js';

const $ = (id) => document.getElementById(id);

await initPage('login');
const target = safe(param('continue')) ?? '/index.html';
$('continue').value = target;
showState();
onLangChange(showState);
$('login-form').addEventListener('submit', (e) => { e.preventDefault(); logIn(); });

/** A path of this site only; the server checks the same before following it. */
function safe(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

function showState() {
  fill($('continue-note'), t('login.continue', { page: target }));
  if (param('error') !== null) {
    fill($('status'), el('p', { class: 'message error', role: 'alert', i18n: 'login.failed' }));
  } else if (param('logout') !== null) {
    fill($('status'), el('p', { class: 'message notice', role: 'status', i18n: 'login.loggedOut' }));
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function logIn() {
  const body = new URLSearchParams({ username: $('username').value, password: $('password').value, continue: target });
  let response;
  try {
    response = await fetch('/login', { method: 'POST', body, headers: { 'X-XSRF-TOKEN': csrfToken() }, redirect: 'follow' });
  } catch (e) {
    fill($('status'), el('p', { class: 'message error', role: 'alert', i18n: 'error.network' }));
    return;
  }
  const landed = new URL(response.url);
  if (landed.pathname.endsWith('/login.html') && landed.searchParams.has('error')) {
    fill($('status'), el('p', { class: 'message error', role: 'alert', i18n: 'login.failed' }));
    $('password').value = '';
    $('password').focus();
    return;
  }
  if (!response.ok) {
    fill($('status'), el('p', { class: 'message error', role: 'alert', text: `${t('login.failedStatus')} ${response.status}` }));
    return;
  }
  location.assign(landed.pathname + landed.search + landed.hash);
}
