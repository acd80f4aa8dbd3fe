// Redigera organ: the body's name, end date and source, and its party rows (join, leave), through the
// editing API. Every change sends the version read; 409 reloads the current state. Data is text only.
import { initPage, t, el, fill, showError, showNotice, onLangChange, param, setParam, roleLabel } from './common.js';

const $ = (id) => document.getElementById(id);
let state = null;

await initPage('edit');
const me = await (await fetch('/api/me', { headers: { Accept: 'application/json' } })).json();
if (!me.authenticated) {
  fill($('login'), el('p', { class: 'message notice' }, el('a', { href: '/login', i18n: 'edit.login' })));
}
$('pick').addEventListener('submit', (e) => { e.preventDefault(); open($('body-id').value.trim()); });
$('body-form').addEventListener('submit', (e) => { e.preventDefault(); saveBody(); });
$('join-form').addEventListener('submit', (e) => { e.preventDefault(); join(); });
onLangChange(render);
if (param('id')) { $('body-id').value = param('id'); open(param('id')); }

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function open(id) {
  if (!id) return;
  setParam('id', id);
  $('changes-link').href = 'andringar.html?entity=' + encodeURIComponent(id);
  const response = await fetch('/api/bodies/' + encodeURIComponent(id) + '/state', { headers: { Accept: 'application/json' } });
  if (!response.ok) { showError($('status'), new Error((await response.json().catch(() => ({}))).detail || response.status)); return; }
  state = await response.json();
  fill($('status'));
  render();
}

function render() {
  if (!state) return;
  $('body-form').hidden = false;
  $('parties-section').hidden = false;
  fill($('body-heading'), `${state.name ?? ''} (${state.id}, ${t('edit.version')} ${state.version})`);
  $('name').value = state.name ?? '';
  $('valid-to').value = state.validTo ?? '';
  $('source').value = state.source ?? '';
  const head = el('tr', {}, ['edit.party', 'edit.role', 'edit.from', 'edit.to', 'edit.leave']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const rows = state.parties.map((p) => {
    const date = el('input', { type: 'date', 'aria-label': t('edit.leaveDate') });
    return el('tr', {},
      el('td', { text: p.party }), el('td', { text: p.role === 'CONVENER' ? p.role : roleLabel(p.role) }),
      el('td', { text: p.validFrom ?? '' }), el('td', { text: p.validTo ?? '' }),
      el('td', {}, p.validTo ? '' : [date, el('button', { type: 'button', i18n: 'edit.leaveButton', on: { click: () => {
        if (date.value) send('/parties/leave', { party: p.party, role: p.role, validFrom: p.validFrom, validTo: date.value });
      } } })]));
  });
  fill($('parties'), el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, rows)));
}

function saveBody() {
  const body = { ...state, name: $('name').value, validTo: $('valid-to').value || null, source: $('source').value || null };
  send('', { body }, 'PUT');
}

function join() {
  send('/parties', { party: $('join-party').value.trim(), role: $('join-role').value, validFrom: $('join-from').value || null });
}

async function send(suffix, payload, method = 'POST') {
  const response = await fetch('/api/bodies/' + encodeURIComponent(state.id) + suffix, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body: JSON.stringify({ ...payload, version: state.version, reason: $('reason').value || null }),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.ok) { state = answer; render(); showNotice($('status'), t('edit.saved')); return; }
  if (response.status === 409 && answer.current) { state = answer.current; render(); }
  const errors = (answer.errors || []).map((e) => el('li', { text: `${e.file}:${e.line}:${e.column ?? ''} ${e.message}` }));
  fill($('status'), el('div', { class: 'message error', role: 'alert' },
    el('strong', { text: t(response.status === 409 ? 'edit.conflict' : response.status === 403 ? 'edit.forbidden'
      : response.status === 401 ? 'edit.login' : 'edit.failed') }), ' ',
    el('span', { class: 'detail', text: answer.detail || String(response.status) }), errors.length ? el('ul', {}, errors) : null));
}
