// Redigera organ: one body's name, end date and source, its party rows (join, leave, change role, hand over
// the host), its service areas, goals and network links, and a new body, all through the editing API. The form
// shows only to a user who may edit the body (GET /api/bodies/{id}/access); others see the body read-only with
// a login link that returns here. Parties are chosen by name (codes beside). The roles each form takes come
// from /api/model. Every change sends the version read; a 409 shows the current state, a 422 puts each problem
// next to what it is about, in the words of the page (never a CSV file or line: the user uploaded none).
import {
  initPage, t, el, fill, api, showError, showNoticeKey, onLangChange, onHistory, param, setView, roleLabel, formLabel,
  levelLabel, illustrativeBadge, loadCatalogue, loadMunicipalities, loadOverview, loadMe, mayEditAnything, areaName,
  sectorName, pick, fold, here, pageLink, lang,
} from './common.js';

const $ = (id) => document.getElementById(id);
/** Which section of the page a problem belongs to, by the bundle file the loader names. */
const SLOTS = { 'parties.csv': 'parties-errors', 'areas.csv': 'areas-errors', 'body_goals.csv': 'goals-errors',
  'links.csv': 'links-errors' };
const BODY_FIELDS = { name: 'name-error', valid_to: 'valid-to-error', source: 'source-error' };

let state = null;
let access = null;
let catalogue = null;
let goals = [];
let networks = [];
let directory = new Map(); // party id → {id, name, kind}
let lastProblem = null;
let newParties = [];

await initPage('edit');
const me = await loadMe();
const ready = loadDirectory();
$('pick').addEventListener('submit', (e) => { e.preventDefault(); open(resolveBody($('body-id').value), { push: true }); });
$('body-form').addEventListener('submit', (e) => { e.preventDefault(); saveBody(); });
$('join-form').addEventListener('submit', (e) => { e.preventDefault(); join(); });
$('host-form').addEventListener('submit', (e) => { e.preventDefault(); handOver(); });
$('areas-form').addEventListener('submit', (e) => { e.preventDefault(); saveAreas(); });
$('goals-form').addEventListener('submit', (e) => { e.preventDefault(); saveGoals(); });
$('link-form').addEventListener('submit', (e) => { e.preventDefault(); addLink(); });
$('new-body').addEventListener('click', () => { setView({ id: null, create: '1' }, { push: true }); showCreate(); });
$('create-form').addEventListener('submit', (e) => { e.preventDefault(); create(); });
$('new-form').addEventListener('change', () => renderCreateForm());
$('new-name').addEventListener('input', () => { if (!$('new-id').dataset.edited) $('new-id').value = slug($('new-name').value); });
$('new-id').addEventListener('input', () => { $('new-id').dataset.edited = '1'; });
$('new-party-add').addEventListener('click', () => addNewParty());
onLangChange(() => {
  const problem = lastProblem;
  fillPartyOptions();
  render();
  if (!$('create-section').hidden) renderCreateForm();
  if (problem) { clearProblems(); showProblem(...problem); }
});
onHistory(() => route());
$('new-body').hidden = !mayEditAnything(me);
await ready;
route();

/** What the address asks for: a body, the new-body form, or the picker alone. */
function route() {
  if (param('id')) { $('body-id').value = param('id'); open(param('id')); } else if (param('create') && mayEditAnything(me)) showCreate();
  else { hideAll(); showLoginHint(); }
}

function hideAll() {
  ['body-section', 'parties-section', 'areas-section', 'goals-section', 'links-section', 'view-section', 'create-section']
    .forEach((id) => { $(id).hidden = true; });
}

/** The login link, back to this page, or why this user may not edit. */
function showLoginHint(mayEdit) {
  if (!me.authenticated) {
    fill($('login'), el('p', { class: 'message notice' }, el('a', { id: 'edit-login', i18n: 'edit.login',
      href: 'login.html?' + new URLSearchParams({ continue: here(), lang: lang() }) })));
  } else if (mayEdit === false) {
    fill($('login'), el('p', { class: 'message notice', id: 'edit-readonly', i18n: 'edit.readOnly', vars: { user: me.username } }));
  } else {
    fill($('login'));
  }
}

// ---- who and what can be a party, found by name ------------------------------------------------------------

async function loadDirectory() {
  const [municipalities, actors, overview, grid, model] = await Promise.all([
    loadMunicipalities().catch(() => []), api('/api/actors', { date: false }).catch(() => []),
    loadOverview().catch(() => ({ federations: [] })), api('/api/analysis/network-grid', { date: false }).catch(() => ({ networks: [] })),
    loadCatalogue().catch(() => null)]);
  catalogue = model;
  networks = grid.networks;
  directory = new Map();
  municipalities.forEach((m) => directory.set(m.code, { id: m.code, name: m.name, kind: 'municipality' }));
  actors.forEach((a) => directory.set(a.id, { id: a.id, name: a.name ?? a.id, kind: 'actor' }));
  overview.federations.forEach((f) => directory.set(f.id, { id: f.id, name: f.name, kind: 'body' }));
  networks.forEach((n) => directory.set(n.id, { id: n.id, name: n.name, kind: 'body' }));
  fillPartyOptions();
  fillBodyOptions();
}

function fillPartyOptions() {
  fill($('party-options'), [...directory.values()].map((p) => el('option', { value: `${p.name} (${p.id})` })));
}

/** The bodies this editor is most likely to open: those of its municipalities and federations. */
async function fillBodyOptions() {
  if (!me.authenticated) return;
  const found = new Map();
  await Promise.all((me.scopes ?? []).map(async (scope) => {
    const [kind, id] = scope.split(':');
    try {
      if (kind === 'municipality') (await api(`/api/municipalities/${encodeURIComponent(id)}`)).bodies.forEach((b) => found.set(b.id, b.name));
      if (kind === 'federation') {
        const web = await api(`/api/analysis/federation-web/${encodeURIComponent(id)}`);
        web.nodes.filter((n) => n.data.type === 'body').forEach((n) => found.set(n.data.id, n.data.label));
      }
    } catch (e) { /* a scope whose data cannot be read only gives no suggestions */ }
  }));
  fill($('body-options'), [...found].map(([id, name]) => el('option', { value: `${name} (${id})` })));
}

function resolveBody(text) {
  const value = (text || '').trim();
  const picked = value.match(/\(([^()]+)\)$/);
  return picked ? picked[1].trim() : value;
}

function partyName(id) { return directory.get(id)?.name ?? id; }
function partyText(id) { const name = partyName(id); return name === id ? id : `${name} (${id})`; }

/**
 * The party typed or picked: "Töreboda (1473)", a code or id, or a name only one party has; otherwise the
 * problem in the user's words with the nearest names as suggestions.
 */
function resolveParty(text) {
  const value = (text || '').trim();
  if (!value) return { error: t('edit.partyMissing') };
  const picked = value.match(/\(([^()]+)\)$/);
  if (picked && directory.has(picked[1].trim())) return { id: picked[1].trim() };
  if (directory.has(value)) return { id: value };
  const needle = fold(picked ? value.slice(0, picked.index) : value).trim();
  const exact = [...directory.values()].filter((p) => fold(p.name) === needle);
  if (exact.length === 1) return { id: exact[0].id };
  const near = [...directory.values()]
    .map((p) => ({ p, d: fold(p.name).includes(needle) || needle.includes(fold(p.name)) ? 0 : distance(fold(p.name), needle) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(needle.length / 4)))
    .sort((a, b) => a.d - b.d || a.p.name.localeCompare(b.p.name, 'sv')).slice(0, 3).map((x) => `${x.p.name} (${x.p.id})`);
  return { error: near.length ? t('edit.partyUnknownSuggest', { text: value, suggestions: near.join(', ') })
    : t('edit.partyUnknown', { text: value }) };
}

/** Levenshtein distance, for "did you mean". */
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** The roles a party row of this form may have, from /api/model (CONVENER where the form has conveners). */
function rolesOf(form) {
  const rules = catalogue?.model.form[form];
  return rules ? [...rules.partyRoles, ...(rules.convener ? ['CONVENER'] : [])] : [];
}

// ---- one body -------------------------------------------------------------------------------------------

function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function active(row) { return !row.validTo || row.validTo > today(); }

async function open(id, { push = false } = {}) {
  if (!id) return;
  setView({ id, create: null }, { push });
  $('body-id').value = id;
  $('changes-link').href = pageLink('andringar.html', { entity: id });
  try {
    access = await api(`/api/bodies/${encodeURIComponent(id)}/access`, { date: false });
    // An editor reads every row (an update sends the whole state back, so a row left out would be deleted); a
    // reader gets the state the real-data switch asks for (api() adds illustrative=false when it is on).
    state = await api(`/api/bodies/${encodeURIComponent(id)}/state${access.mayEdit ? '?illustrative=true' : ''}`,
      { date: false });
  } catch (e) {
    state = null;
    hideAll();
    showError($('status'), e);
    return;
  }
  clearProblems();
  fill($('status'));
  $('create-section').hidden = true;
  showLoginHint(access.mayEdit);
  if (access.mayEdit) {
    try { goals = await api('/api/goals', { date: false }); } catch (e) { goals = []; }
  }
  render();
}

function render() {
  if (!state) return;
  const editing = !!access?.mayEdit;
  ['body-section', 'parties-section', 'areas-section', 'goals-section'].forEach((id) => { $(id).hidden = !editing; });
  $('links-section').hidden = !editing || state.form !== 'NETWORK';
  $('view-section').hidden = editing;
  if (!editing) { renderView(); return; }
  const illustrative = state.source === 'illustrative';
  fill($('body-heading'), el('span', { translate: 'no', text: state.name ?? '' }), ` (${state.id}, ${t('edit.version')} ${state.version})`,
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

/** The body as it is stored, for those who may not edit it. */
function renderView() {
  const illustrative = state.source === 'illustrative';
  fill($('view-heading'), el('span', { translate: 'no', text: state.name ?? state.id }), illustrative ? illustrativeBadge() : null);
  fill($('view-meta'), `${formLabel(state.form)} · ${state.id}`);
  const rows = [
    ['edit.validFromField', state.validFrom ?? '–'], ['edit.validTo', state.validTo ?? '–'],
    ['edit.source', state.source ?? '–'],
    state.sector ? ['web.sector', sectorName(catalogue, state.sector)] : null,
    state.level ? ['common.level', levelLabel(state.level)] : null,
    ['edit.areas', state.areas.map((a) => areaName(catalogue, a)).join(', ') || '–'],
  ].filter(Boolean);
  fill($('view-fields'), rows.flatMap(([k, v]) => [el('dt', { i18n: k }), el('dd', { text: v })]));
  fill($('view-parties'), el('table', { class: 'data', id: 'view-party-table' },
    el('thead', {}, el('tr', {}, ['edit.party', 'edit.role', 'edit.from', 'edit.to'].map((k) => el('th', { scope: 'col', i18n: k })))),
    el('tbody', {}, state.parties.map((p) => el('tr', { dataset: { party: p.party } },
      el('td', { text: partyText(p.party) }), el('td', { text: roleLabel(p.role) }),
      el('td', { text: p.validFrom ?? '' }), el('td', { text: p.validTo ?? '' }))))));
}

function renderParties() {
  const roles = rolesOf(state.form);
  fill($('join-role'), roles.map((r) => el('option', { value: r, text: roleLabel(r) })));
  const head = el('tr', {}, ['edit.party', 'edit.role', 'edit.from', 'edit.to', 'edit.leave', 'edit.changeRole']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const rows = state.parties.map((p, i) => {
    const label = `${partyName(p.party)} ${roleLabel(p.role)}`;
    const leaveDate = el('input', { type: 'date', class: 'date', id: `leave-date-${i}`, 'aria-label': `${t('edit.leaveDate')}: ${label}` });
    const otherRoles = roles.filter((r) => r !== p.role);
    const newRole = el('select', { id: `new-role-${i}`, 'aria-label': `${t('edit.newRole')}: ${label}` },
      otherRoles.map((r) => el('option', { value: r, text: roleLabel(r) })));
    const roleDate = el('input', { type: 'date', class: 'date', id: `role-date-${i}`, 'aria-label': `${t('edit.roleDate')}: ${label}` });
    const open = !p.validTo;
    return el('tr', { dataset: { party: p.party, role: p.role } },
      el('td', {}, partyName(p.party), partyName(p.party) !== p.party ? el('span', { class: 'small', text: ` (${p.party})` }) : null),
      el('td', { text: roleLabel(p.role) }),
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
  const hosted = !!catalogue?.model.form[state.form]?.requiresHost;
  $('host-block').hidden = !hosted;
  if (!hosted) return;
  const host = state.parties.find((p) => p.role === 'HOST' && !p.validTo);
  fill($('current-host'), host ? `${partyText(host.party)}, ${t('edit.from').toLowerCase()} ${host.validFrom ?? '–'}` : t('edit.noHost'));
  const candidates = state.parties.filter((p) => p.role === 'PARTICIPANT' && !p.validTo);
  fill($('new-host'), candidates.map((p) => el('option', { value: p.party, text: partyText(p.party) })));
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
  fill($('link-kind'), (catalogue?.model.linkKinds ?? []).map((k) => el('option', { value: k, text: t('linkKind.' + k) })));
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
  clearProblems();
  const found = resolveParty($('join-party').value);
  if (found.error) {
    $('join-party').setAttribute('aria-invalid', 'true');
    fill($('join-party-error'), el('p', { class: 'field-error', role: 'alert', id: 'join-party-problem', text: found.error }));
    $('join-party').focus();
    return;
  }
  send('/parties', { party: found.id, role: $('join-role').value, validFrom: $('join-from').value || null });
}

async function send(suffix, payload, method = 'POST') {
  const sentParties = payload.body ? payload.body.parties
    : suffix === '/parties' ? [...state.parties, payload] : null;
  let answer;
  try {
    answer = await api(`/api/bodies/${encodeURIComponent(state.id)}${suffix}`, { method,
      body: { ...payload, version: state.version, reason: $('reason').value || null } });
  } catch (e) {
    clearProblems();
    if (e.status === 0) { showError($('status'), e); return; }
    if (e.status === 409 && e.problem.current) { state = e.problem.current; render(); }
    showProblem(e.status, e.problem, sentParties);
    return;
  }
  clearProblems();
  state = answer;
  $('join-party').value = '';
  render();
  showNoticeKey($('status'), 'edit.saved');
}

function clearProblems() {
  lastProblem = null;
  document.querySelectorAll('.field-errors').forEach((node) => fill(node));
  document.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** Where a problem is, in the page's words: the section, and the party row when it points at one we sent. */
function where(e, sentParties) {
  if (e.file === 'parties.csv') {
    const row = sentParties && e.line >= 2 ? sentParties[e.line - 2] : null;
    return row ? t('edit.where.partyRow', { party: partyText(row.party), role: roleLabel(row.role), from: row.validFrom ?? '–' })
      : t('edit.where.parties');
  }
  if (e.file === 'bodies.csv') return t('edit.where.body') + (e.column ? ` (${t('edit.column.' + e.column)})` : '');
  if (e.file === 'links.csv') return t('edit.where.links');
  if (e.file === 'areas.csv') return t('edit.where.areas');
  if (e.file === 'body_goals.csv') return t('edit.where.goals');
  return t('edit.where.request');
}

/**
 * The failure: a translated heading per status (422 problems, 409 current state, 403 scope, 401 login), each
 * 422 problem placed at its field or section with the server's own sentence (English, marked so), and for the
 * other statuses the server's sentence under a heading saying it is the server's.
 */
function showProblem(status, answer, sentParties, slots = { fields: BODY_FIELDS, sections: SLOTS }) {
  lastProblem = [status, answer, sentParties, slots];
  const heading = { 409: 'edit.conflict', 403: 'edit.forbidden', 401: 'edit.loginNeeded', 422: 'edit.failed' }[status] ?? 'edit.failed';
  const errors = answer.errors || [];
  const unplaced = [];
  errors.forEach((e) => {
    const fieldSlot = e.file === 'bodies.csv' ? slots.fields[e.column] : null;
    const slot = fieldSlot ?? slots.sections[e.file] ?? (e.file === 'bodies.csv' ? slots.body : null) ?? slots.any;
    const node = slot ? $(slot) : null;
    if (!node || node.closest('[hidden]')) { unplaced.push(e); return; }
    if (fieldSlot && $(fieldSlot.replace(/-error$/, ''))) $(fieldSlot.replace(/-error$/, '')).setAttribute('aria-invalid', 'true');
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
  const said = errors.length ? null : el('span', { class: 'detail', lang: 'en', text: answer.detail || answer.title || String(status) });
  fill($('status'), el('div', { class: 'message error', role: 'alert' },
    el('strong', { text: t(heading) }),
    lines,
    el('p', { class: 'server-says' }, el('span', { class: 'small', text: t('edit.serverSays') + ' ' }), said),
    english,
    status === 401 ? el('p', {}, el('a', { href: 'login.html?' + new URLSearchParams({ continue: here(), lang: lang() }), i18n: 'edit.login' })) : null));
}

// ---- a new body ----------------------------------------------------------------------------------------

function showCreate() {
  hideAll();
  fill($('status'));
  $('create-section').hidden = false;
  renderCreateForm();
}

function slug(name) {
  return fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

function renderCreateForm() {
  const form = $('new-form').value || 'AGREEMENT';
  fill($('new-form'), (catalogue?.model.forms ?? []).map((f) => el('option', { value: f.id, text: formLabel(f.id) })));
  $('new-form').value = form;
  const network = form === 'NETWORK';
  document.querySelectorAll('#create-form .network-only').forEach((n) => { n.hidden = !network; });
  fill($('new-sector'), (catalogue?.sectors ?? []).map((s) => el('option', { value: s.id, text: pick(s, 'name') })));
  fill($('new-level'), (catalogue?.model.levels ?? []).map((l) => el('option', { value: l, text: levelLabel(l) })));
  const roles = rolesOf(form);
  fill($('new-party-role'), roles.map((r) => el('option', { value: r, text: roleLabel(r) })));
  newParties = newParties.filter((p) => roles.includes(p.role));
  renderNewParties();
}

function renderNewParties() {
  fill($('new-parties'), newParties.map((p, i) => el('li', { dataset: { party: p.party } },
    `${partyText(p.party)} – ${roleLabel(p.role)} `,
    el('button', { type: 'button', class: 'link-button', i18n: 'edit.remove', on: { click: () => { newParties.splice(i, 1); renderNewParties(); } } }))));
}

function addNewParty() {
  fill($('new-party-errors'));
  const found = resolveParty($('new-party').value);
  if (found.error) {
    fill($('new-party-errors'), el('p', { class: 'field-error', role: 'alert', text: found.error }));
    return;
  }
  newParties.push({ party: found.id, role: $('new-party-role').value });
  $('new-party').value = '';
  renderNewParties();
}

async function create() {
  clearProblems();
  const form = $('new-form').value;
  const from = $('new-from').value;
  const source = $('new-source').value.trim();
  const body = { id: $('new-id').value || slug($('new-name').value), form, name: $('new-name').value.trim(), validFrom: from || null,
    source: source || null, sector: form === 'NETWORK' ? $('new-sector').value : null,
    level: form === 'NETWORK' ? $('new-level').value : null,
    parties: newParties.map((p) => ({ party: p.party, role: p.role, validFrom: from || null, source: source || null })) };
  if (!newParties.length) {
    fill($('new-party-errors'), el('p', { class: 'field-error', role: 'alert', i18n: 'edit.partiesMissing' }));
    return;
  }
  try {
    const created = await api('/api/bodies', { method: 'POST', body: { reason: $('reason').value || null, body } });
    newParties = [];
    await open(created.id, { push: true });
    showNoticeKey($('status'), 'edit.created');
  } catch (e) {
    if (e.status === 0) { showError($('status'), e); return; }
    showProblem(e.status, e.problem, body.parties, { fields: {}, sections: { 'parties.csv': 'new-party-errors' }, body: 'create-errors', any: 'create-errors' });
  }
}
