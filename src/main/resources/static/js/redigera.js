// Redigera organ: a body's name, end date and source, its party rows (join, leave, change role, hand over
// the host), its service areas, goals and network links, all through the editing API. Every change sends
// the version read; 409 shows the current state, 422 puts each problem next to what it is about. Data is
// set as text only. The API's problem texts are English: they are shown as such under a translated heading.
import {
  initPage, t, el, fill, showError, showNotice, onLangChange, param, setParam, roleLabel, formLabel,
  illustrativeBadge, loadCatalogue, areaName, sectorName, pick, api,
} from './common.js';

const $ = (id) => document.getElementById(id);
const HOSTED = ['JOINT_COMMITTEE', 'AGREEMENT'];
/** The roles each form takes (domain.md); CONVENER is a convener of a network or initiative. */
const ROLES = {
  FEDERATION: ['MEMBER'], COMPANY: ['MEMBER'], ASSOCIATION: ['MEMBER'],
  JOINT_COMMITTEE: ['HOST', 'PARTICIPANT'], AGREEMENT: ['HOST', 'PARTICIPANT'],
  NETWORK: ['PARTICIPANT', 'CONVENER'], INITIATIVE: ['PARTICIPANT', 'CONVENER'],
};
const LINK_KINDS = ['JOINT_MEETING', 'SHARED_INITIATIVE', 'LIAISON', 'OTHER'];
/** Which section of the page a bundle file's problems belong to. */
const SLOTS = { 'parties.csv': 'parties-errors', 'areas.csv': 'areas-errors', 'body_goals.csv': 'goals-errors',
  'links.csv': 'links-errors' };
const BODY_FIELDS = { name: 'name-error', valid_to: 'valid-to-error', source: 'source-error' };

let state = null;
let catalogue = null;
let goals = [];
let networks = [];
let lastProblem = null;

await initPage('edit');
const me = await (await fetch('/api/me', { headers: { Accept: 'application/json' } })).json();
if (!me.authenticated) {
  fill($('login'), el('p', { class: 'message notice' }, el('a', { href: '/login', i18n: 'edit.login' })));
}
$('pick').addEventListener('submit', (e) => { e.preventDefault(); open($('body-id').value.trim()); });
$('body-form').addEventListener('submit', (e) => { e.preventDefault(); saveBody(); });
$('join-form').addEventListener('submit', (e) => { e.preventDefault(); join(); });
$('host-form').addEventListener('submit', (e) => { e.preventDefault(); handOver(); });
$('areas-form').addEventListener('submit', (e) => { e.preventDefault(); saveAreas(); });
$('goals-form').addEventListener('submit', (e) => { e.preventDefault(); saveGoals(); });
$('link-form').addEventListener('submit', (e) => { e.preventDefault(); addLink(); });
onLangChange(() => {
  const problem = lastProblem;
  render();
  if (problem) { clearProblems(); showProblem(...problem); }
});
if (param('id')) { $('body-id').value = param('id'); open(param('id')); }

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function active(row) { return !row.validTo || row.validTo > today(); }

async function open(id) {
  if (!id) return;
  setParam('id', id);
  $('changes-link').href = 'andringar.html?entity=' + encodeURIComponent(id);
  const response = await fetch('/api/bodies/' + encodeURIComponent(id) + '/state', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const detail = (await response.json().catch(() => ({}))).detail;
    showError($('status'), new Error(`${response.status}: ${detail || ''}`));
    return;
  }
  state = await response.json();
  clearProblems();
  fill($('status'));
  // The pickers' catalogues; a failure leaves that part of the page with a message, the rest works.
  try { catalogue = await loadCatalogue(); } catch (e) { catalogue = null; }
  try { goals = await api('/api/goals', { date: false }); } catch (e) { goals = []; }
  if (state.form === 'NETWORK') {
    try { networks = (await api('/api/analysis/network-grid', { date: false })).networks; } catch (e) { networks = []; }
  }
  render();
}

function render() {
  if (!state) return;
  ['body-section', 'parties-section', 'areas-section', 'goals-section'].forEach((id) => { $(id).hidden = false; });
  $('links-section').hidden = state.form !== 'NETWORK';
  const illustrative = state.source === 'illustrative';
  fill($('body-heading'), `${state.name ?? ''} (${state.id}, ${t('edit.version')} ${state.version})`,
    illustrative ? illustrativeBadge() : null);
  fill($('body-meta'), `${formLabel(state.form)} · ${t('edit.since')} ${state.validFrom ?? '–'}`,
    illustrative ? ' · ' + t('edit.illustrativeNote') : '');
  $('name').value = state.name ?? '';
  $('valid-to').value = state.validTo ?? '';
  $('source').value = state.source ?? '';
  renderParties();
  renderHost();
  renderAreas();
  renderGoals();
  renderLinks();
}

function roleText(role) { return role === 'CONVENER' ? t('role.CONVENER') : roleLabel(role); }

function renderParties() {
  const roles = ROLES[state.form] ?? [];
  fill($('join-role'), roles.map((r) => el('option', { value: r, text: roleText(r) })));
  const head = el('tr', {}, ['edit.party', 'edit.role', 'edit.from', 'edit.to', 'edit.leave', 'edit.changeRole']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const rows = state.parties.map((p, i) => {
    const label = `${p.party} ${roleText(p.role)}`;
    const leaveDate = el('input', { type: 'date', class: 'date', id: `leave-date-${i}`, 'aria-label': `${t('edit.leaveDate')}: ${label}` });
    const otherRoles = roles.filter((r) => r !== p.role);
    const newRole = el('select', { id: `new-role-${i}`, 'aria-label': `${t('edit.newRole')}: ${label}` },
      otherRoles.map((r) => el('option', { value: r, text: roleText(r) })));
    const roleDate = el('input', { type: 'date', class: 'date', id: `role-date-${i}`, 'aria-label': `${t('edit.roleDate')}: ${label}` });
    const open = !p.validTo;
    return el('tr', { dataset: { party: p.party, role: p.role } },
      el('td', { text: p.party }), el('td', { text: roleText(p.role) }),
      el('td', { text: p.validFrom ?? '' }), el('td', { text: p.validTo ?? '' }),
      el('td', {}, open ? el('div', { class: 'edit-inline' }, leaveDate, el('button', {
        type: 'button', class: 'secondary', i18n: 'edit.leaveButton', on: { click: () => {
          if (!leaveDate.value) { leaveDate.focus(); return; }
          send('/parties/leave', { party: p.party, role: p.role, validFrom: p.validFrom, validTo: leaveDate.value });
        } } })) : ''),
      el('td', {}, open && otherRoles.length ? el('div', { class: 'edit-inline' }, newRole, roleDate, el('button', {
        type: 'button', class: 'secondary', i18n: 'edit.changeRoleButton', on: { click: () => {
          if (!roleDate.value) { roleDate.focus(); return; }
          send('/parties/role', { party: p.party, role: p.role, validFrom: p.validFrom, newRole: newRole.value,
            date: roleDate.value });
        } } })) : ''));
  });
  fill($('parties'), el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, rows)));
}

/** Host handover: the current HOST becomes PARTICIPANT and a participant HOST on one day, in one request. */
function renderHost() {
  const hosted = HOSTED.includes(state.form);
  $('host-block').hidden = !hosted;
  if (!hosted) return;
  const host = state.parties.find((p) => p.role === 'HOST' && !p.validTo);
  fill($('current-host'), host ? `${host.party} (${t('edit.from').toLowerCase()} ${host.validFrom ?? '–'})` : t('edit.noHost'));
  const candidates = state.parties.filter((p) => p.role === 'PARTICIPANT' && !p.validTo);
  fill($('new-host'), candidates.map((p) => el('option', { value: p.party, text: p.party })));
  $('host-form').querySelector('button').disabled = !host || !candidates.length;
}

function handOver() {
  const host = state.parties.find((p) => p.role === 'HOST' && !p.validTo);
  const next = state.parties.find((p) => p.role === 'PARTICIPANT' && !p.validTo && p.party === $('new-host').value);
  const date = $('host-date').value;
  if (!host || !next || !date) { $('host-date').focus(); return; }
  send('/parties/role', { changes: [
    { party: host.party, role: 'HOST', validFrom: host.validFrom, newRole: 'PARTICIPANT', date },
    { party: next.party, role: 'PARTICIPANT', validFrom: next.validFrom, newRole: 'HOST', date },
  ] });
}

function checkbox(name, value, text, checked, extra) {
  const id = `${name}-${value}`;
  return el('label', { for: id }, el('input', { type: 'checkbox', id, name, value, checked }), ' ', text, extra ?? null);
}

function renderAreas() {
  if (!catalogue) { fill($('areas'), el('p', { class: 'small', i18n: 'edit.noCatalogue' })); return; }
  const chosen = new Set(state.areas);
  const bySector = new Map();
  catalogue.areas.forEach((a) => { if (!bySector.has(a.sector)) bySector.set(a.sector, []); bySector.get(a.sector).push(a); });
  // Areas the catalogue does not list (should not happen) stay visible, so saving never drops them unseen.
  const unknown = state.areas.filter((id) => !catalogue.area[id]);
  fill($('areas'), [...bySector.entries()].map(([sector, areas]) => el('fieldset', { class: 'edit-group' },
    el('legend', { text: sectorName(catalogue, sector) }),
    areas.map((a) => checkbox('area', a.id, pick(a, 'name'), chosen.has(a.id))))),
  unknown.length ? el('fieldset', { class: 'edit-group' }, el('legend', { i18n: 'edit.other' }),
    unknown.map((id) => checkbox('area', id, id, true))) : null);
}

function renderGoals() {
  const chosen = new Set(state.goals);
  const known = new Set(goals.map((g) => g.id));
  const list = [...goals, ...state.goals.filter((id) => !known.has(id)).map((id) => ({ id, name: id }))];
  fill($('goals'), list.length ? el('fieldset', { class: 'edit-group' }, el('legend', { class: 'sr-only', i18n: 'edit.goals' }),
    list.map((g) => checkbox('goal', g.id, g.name ?? g.id, chosen.has(g.id), g.illustrative ? illustrativeBadge() : null)))
    : el('p', { class: 'small', i18n: 'edit.noGoals' }));
}

function checked(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
}

function saveAreas() { send('', { body: { ...state, areas: checked($('areas')) } }, 'PUT'); }
function saveGoals() { send('', { body: { ...state, goals: checked($('goals')) } }, 'PUT'); }

function networkName(id) { return networks.find((n) => n.id === id)?.name ?? id; }

function renderLinks() {
  if (state.form !== 'NETWORK') return;
  fill($('link-kind'), LINK_KINDS.map((k) => el('option', { value: k, text: t('linkKind.' + k) })));
  const linked = new Set(state.links.filter(active).map((l) => l.network));
  fill($('link-network'), networks.filter((n) => n.id !== state.id && !linked.has(n.id))
    .map((n) => el('option', { value: n.id, text: n.name + (n.illustrative ? ` – ${t('illustrative.badge')}` : '') })));
  if (!state.links.length) { fill($('links'), el('p', { class: 'small', i18n: 'edit.noLinks' })); return; }
  const head = el('tr', {}, ['edit.linkNetwork', 'edit.linkKind', 'edit.from', 'edit.to', 'edit.endLink']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const rows = state.links.map((l, i) => {
    const end = el('input', { type: 'date', class: 'date', id: `link-end-${i}`, 'aria-label': `${t('edit.endLinkDate')}: ${networkName(l.network)}` });
    return el('tr', { dataset: { network: l.network } },
      el('td', {}, networkName(l.network), el('span', { class: 'small', text: ` (${l.network})` })),
      el('td', { text: t('linkKind.' + l.kind) }), el('td', { text: l.validFrom ?? '' }), el('td', { text: l.validTo ?? '' }),
      el('td', {}, l.validTo ? '' : el('div', { class: 'edit-inline' }, end, el('button', {
        type: 'button', class: 'secondary', i18n: 'edit.leaveButton', on: { click: () => {
          if (!end.value) { end.focus(); return; }
          send('', { body: { ...state, links: state.links.map((x) => (x === l ? { ...x, validTo: end.value } : x)) } }, 'PUT');
        } } }))));
  });
  fill($('links'), el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, rows)));
}

function addLink() {
  const network = $('link-network').value;
  if (!network) return;
  const link = { network, kind: $('link-kind').value, validFrom: $('link-from').value || null, validTo: null,
    source: state.source === 'illustrative' ? 'illustrative' : null };
  send('', { body: { ...state, links: [...state.links, link] } }, 'PUT');
}

function saveBody() {
  const body = { ...state, name: $('name').value, validTo: $('valid-to').value || null, source: $('source').value || null };
  send('', { body }, 'PUT');
}

function join() {
  send('/parties', { party: $('join-party').value.trim(), role: $('join-role').value, validFrom: $('join-from').value || null });
}

async function send(suffix, payload, method = 'POST') {
  const sentParties = payload.body ? payload.body.parties
    : suffix === '/parties' ? [...state.parties, payload] : null;
  let response;
  try {
    response = await fetch('/api/bodies/' + encodeURIComponent(state.id) + suffix, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ ...payload, version: state.version, reason: $('reason').value || null }),
    });
  } catch (e) {
    showError($('status'), new Error(t('error.network')));
    return;
  }
  const answer = await response.json().catch(() => ({}));
  clearProblems();
  if (response.ok) {
    state = answer;
    render();
    showNotice($('status'), t('edit.saved'));
    return;
  }
  if (response.status === 409 && answer.current) { state = answer.current; render(); }
  showProblem(response.status, answer, sentParties);
}

function clearProblems() {
  lastProblem = null;
  document.querySelectorAll('.field-errors').forEach((node) => fill(node));
  document.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** Where a 422 problem is: the section's words, and the party row when the line points at one we sent. */
function where(e, sentParties) {
  if (e.file === 'parties.csv') {
    const row = sentParties && e.line >= 2 ? sentParties[e.line - 2] : null;
    return row ? t('edit.where.partyRow', { party: row.party, role: roleText(row.role), from: row.validFrom ?? '–' })
      : t('edit.where.parties');
  }
  if (e.file === 'bodies.csv') return t('edit.where.body') + (e.column ? ` (${e.column})` : '');
  if (e.file === 'links.csv') return t('edit.where.links');
  if (e.file === 'areas.csv') return t('edit.where.areas');
  if (e.file === 'body_goals.csv') return t('edit.where.goals');
  return t('edit.where.request');
}

/**
 * The failure: a translated heading per status (422 problems, 409 current state, 403 scope, 401 login), the
 * server's own English text under a heading saying so, and each 422 problem placed at its field or section.
 */
function showProblem(status, answer, sentParties) {
  lastProblem = [status, answer, sentParties];
  const heading = { 409: 'edit.conflict', 403: 'edit.forbidden', 401: 'edit.loginNeeded', 422: 'edit.failed' }[status] ?? 'edit.failed';
  const errors = answer.errors || [];
  const unplaced = [];
  errors.forEach((e) => {
    const fieldSlot = e.file === 'bodies.csv' ? BODY_FIELDS[e.column] : null;
    const slot = fieldSlot ?? SLOTS[e.file] ?? (e.file === 'bodies.csv' ? 'body-errors' : null);
    const node = slot ? $(slot) : null;
    if (!node || node.closest('[hidden]')) { unplaced.push(e); return; }
    if (fieldSlot) $(fieldSlot.replace(/-error$/, '')).setAttribute('aria-invalid', 'true');
    node.append(el('p', { class: 'field-error' }, el('strong', { text: where(e, sentParties) + ': ' }),
      el('span', { lang: 'en', text: e.message })));
  });
  const lines = [];
  if (status === 409 && answer.current) {
    lines.push(el('p', { text: t('edit.conflictCurrent', { version: answer.current.version, name: answer.current.name ?? '' }) }));
  }
  if (errors.length) lines.push(el('p', { text: t('edit.problemCount', { count: errors.length }) }));
  const english = unplaced.length ? el('ul', { lang: 'en' }, unplaced.map((e) => el('li', {},
    el('strong', { text: where(e, sentParties) + ': ' }), e.message))) : null;
  fill($('status'), el('div', { class: 'message error', role: 'alert' },
    el('strong', { text: t(heading) }),
    lines,
    el('p', { class: 'server-says' }, el('span', { class: 'small', text: t('edit.serverSays') + ' ' }),
      el('span', { class: 'detail', lang: 'en', text: answer.detail || answer.title || String(status) })),
    english));
}
