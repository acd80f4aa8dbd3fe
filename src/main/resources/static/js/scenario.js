// Tänk om… / What if…: a list of hypothetical changes (join, leave, hand over a host role, start a body, end
// one) and what they would do, before and after side by side (POST /api/scenarios/compare for unsaved
// changes, /api/scenarios/{id}/comparison for a saved one, /shared/{token}/comparison for a shared link).
// Signed in, a scenario is saved, shared as a read link, deleted; an editor applies it as real edits with a
// reason. The view lives in the address: ?id=, ?shared=, or ?c= (the unsaved changes as base64url JSON, also
// beside ?id= while a saved scenario has unsaved edits), with focus= and scope=.
import {
  initPage, t, el, fill, api, ApiError, showError, showLoading, showNoticeKey, loadCatalogue, loadMunicipalities,
  formLabel, roleLabel, pick, onLangChange, onDateChange, onHistory, markDataset, param, listParam,
  setView, pageLink, asOf, realOnly, resolveMunicipality, fillSelect, loadMe, mayEditAnything, lang,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage } from './coverage.js';
import { comparisonParts, trustNotices, describeChange, encodeChanges, decodeChanges } from './scenario-compare.js';

const $ = (id) => document.getElementById(id);
const TYPES = ['JOIN', 'LEAVE', 'HOST', 'START', 'END'];
const CHANGE_FIELDS = ['type', 'body', 'party', 'role', 'from'];

let cat = null;
let municipalities = [];
let names = {};            // municipality code → name
const bodies = {};         // body id → {id, name, form}, from the searches and /api/bodies/{id}
let bodyHits = [];         // the body picker's current suggestions
let user = { authenticated: false };
let source = { kind: 'new' }; // new | id | shared, with the stored scenario
let scenarioName = '';
let changes = [];
let comparison = null;     // the last comparison answer
let problems = [];         // the 422's errors: [{change, field, message}]
let asked = 0;

await initPage('scenario');
try {
  [cat, municipalities] = await Promise.all([loadCatalogue(), loadMunicipalities()]);
  names = Object.fromEntries(municipalities.map((m) => [m.code, m.name]));
} catch (e) { showError($('status'), e); }
user = await loadMe();
fill($('party-list'), municipalities.map((m) => el('option', { value: `${m.name} (${m.code})` })));
fillControls();
markDataset($('dataset-mark'));
wireForm();
onLangChange(() => { fillControls(); render(); renderComparison(); });
onDateChange(() => { markDataset($('dataset-mark')); compare(); });
onHistory(() => { load(); });
await load();
loadMine();

// ---- the address ---------------------------------------------------------------------------------------

/** Reads the scenario the address names (stored, shared or in ?c=), then compares. */
async function load() {
  problems = [];
  const id = param('id');
  const token = param('shared');
  fill($('source-note'));
  try {
    if (id) source = { kind: 'id', id, stored: await api(`/api/scenarios/${encodeURIComponent(id)}`, { date: false }) };
    else if (token) source = { kind: 'shared', token, stored: await api(`/api/scenarios/shared/${encodeURIComponent(token)}`, { date: false }) };
    else source = { kind: 'new' };
    if (param('c')) {
      const unsaved = decodeChanges(param('c'));
      changes = unsaved.changes.map(clean);
      scenarioName = unsaved.name || source.stored?.name || '';
    } else {
      changes = (source.stored?.changes ?? []).map(clean);
      scenarioName = source.stored?.name ?? '';
    }
  } catch (e) {
    source = { kind: 'new' };
    changes = [];
    showError($('source-note'), e, e instanceof ApiError && e.status === 404 ? 'scenario.notFound' : 'error.api');
  }
  $('scenario-name').value = scenarioName;
  $('scenario-name').readOnly = !editable();
  $('scenario-focus').value = (listParam('focus') ?? []).map(label).join(', ');
  $('scenario-scope').value = param('scope') ?? '';
  await describeBodies();
  render();
  await compare();
}

/** A change as the API takes it: its own fields only (a stored one also carries its labels). */
function clean(change) {
  const copy = {};
  CHANGE_FIELDS.forEach((f) => { if (change[f] !== undefined && change[f] !== null && change[f] !== '') copy[f] = change[f]; });
  if (change.type === 'START' && change.body && typeof change.body === 'object') {
    copy.body = { name: change.body.name, form: change.body.form, areas: [...(change.body.areas ?? [])],
      parties: (change.body.parties ?? []).map((p) => ({ party: p.party, role: p.role })) };
  }
  return copy;
}

/** Whether the user may change the list: an unsaved scenario, or the owner's saved one; never a shared link. */
function editable() { return source.kind !== 'shared'; }

/** The changes (and name) in the address, so the link carries them; a saved scenario keeps its id beside them. */
function changed() {
  comparison = null;
  problems = [];
  const stored = source.stored;
  const same = stored && JSON.stringify(stored.changes.map(clean)) === JSON.stringify(changes) && (stored.name ?? '') === scenarioName;
  setView({ c: same || (!changes.length && !scenarioName && source.kind === 'new') ? null : encodeChanges({ name: scenarioName, changes }) }, { push: true });
  render();
  compare();
}

function unsavedEdits() { return source.kind === 'id' && !!param('c'); }

function label(code) { return names[code] ? `${names[code]} (${code})` : code; }

/** A party typed or picked: a municipality's code, or the text itself (a region's code, an actor's id). */
function partyCode(text) {
  const value = (text ?? '').trim();
  if (!value) return null;
  return resolveMunicipality(municipalities, value) ?? value.replace(/^.*\(([^()]+)\)$/, '$1');
}

// ---- the controls --------------------------------------------------------------------------------------

function fillControls() {
  fillSelect($('change-type'), TYPES.map((type) => ({ value: type, text: t('scenario.type.' + type) })));
  fillSelect($('start-form'), (cat?.model.forms ?? []).map((f) => ({ value: f.id, text: formLabel(f.id) })));
  if (!$('start-form').dataset.chosen) { $('start-form').value = 'AGREEMENT'; $('start-form').dataset.chosen = '1'; }
  fillSelect($('start-area'), (cat?.areas ?? []).map((a) => ({ value: a.id, text: pick(a, 'name') })));
  fillSelect($('scenario-scope'), [{ value: '', text: t('scenario.scopeDefault') }, { value: 'all', text: t('scenario.scopeAll') },
    ...(cat?.counties ?? []).map((c) => ({ value: 'county:' + c.code, text: `${c.name} (${c.code})` }))]);
  $('scenario-scope').value = param('scope') ?? '';
  showFields();
  fillRoles();
}

function showFields() {
  const type = $('change-type').value;
  document.querySelectorAll('#add-form [data-for]').forEach((f) => { f.hidden = !f.dataset.for.split(' ').includes(type); });
}

/** The roles the chosen body's form takes (from /api/model), the host role only through HOST. */
function fillRoles() {
  const body = pickedBody();
  const roles = (cat?.model.form[body?.form]?.partyRoles ?? ['MEMBER', 'PARTICIPANT']).filter((r) => r !== 'HOST');
  fillSelect($('change-role'), roles.map((r) => ({ value: r, text: roleLabel(r) })));
  $('body-form').textContent = body?.form ? formLabel(body.form) : '';
}

function pickedBody() {
  const text = $('change-body').value.trim();
  if (!text) return null;
  const byLabel = bodyHits.find((b) => `${b.name} (${b.id})` === text);
  if (byLabel) return byLabel;
  const id = text.match(/\(([^()]+)\)$/)?.[1] ?? text;
  return bodies[id] ?? { id };
}

function wireForm() {
  $('change-type').addEventListener('change', () => { showFields(); fill($('add-status')); });
  let timer;
  $('change-body').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(searchBodies, 200);
    fillRoles();
  });
  $('change-body').addEventListener('change', async () => {
    const body = pickedBody();
    if (body && !body.form) await describeBody(body.id);
    fillRoles();
  });
  $('add-form').addEventListener('submit', (e) => { e.preventDefault(); addChange(); });
  $('scenario-name').addEventListener('change', () => { scenarioName = $('scenario-name').value.trim(); changed(); });
  $('scenario-focus').addEventListener('change', () => {
    const parts = $('scenario-focus').value.split(',').map((s) => s.trim()).filter(Boolean);
    const codes = parts.map((p) => resolveMunicipality(municipalities, p));
    const bad = parts.find((p, i) => !codes[i]);
    if (bad) { showError($('status'), new Error(t('web.noMatch', { text: bad })), 'error.input'); return; }
    setView({ focus: codes }, { push: true });
    compare();
  });
  $('scenario-scope').addEventListener('change', () => { setView({ scope: $('scenario-scope').value }, { push: true }); compare(); });
}

async function searchBodies() {
  const text = $('change-body').value.trim();
  if (text.length < 2 || /\([^()]+\)$/.test(text)) return;
  try {
    const hits = await api('/api/bodies?' + new URLSearchParams({ q: text, limit: '30' }));
    if (text !== $('change-body').value.trim()) return;
    bodyHits = hits.filter((b) => b.active !== false);
    bodyHits.forEach((b) => { bodies[b.id] = b; });
    fill($('body-list'), bodyHits.map((b) => el('option', { value: `${b.name} (${b.id})`, label: formLabel(b.form) })));
  } catch (e) { /* the field still takes an id */ }
}

async function describeBody(id) {
  if (bodies[id]?.form) return bodies[id];
  try {
    const b = await api(`/api/bodies/${encodeURIComponent(id)}`);
    bodies[id] = { id, name: b.name, form: b.form, illustrative: b.illustrative };
  } catch (e) { bodies[id] = { id }; }
  return bodies[id];
}

/** Names and forms of the bodies the changes name, for their labels and role pickers. */
async function describeBodies() {
  const ids = [...new Set(changes.filter((c) => typeof c.body === 'string').map((c) => c.body))];
  await Promise.all(ids.map(describeBody));
}

/** The host gets HOST where the form has a host; the others the form's first other role. */
function assignRoles(form, parties, host) {
  const roles = cat?.model.form[form]?.partyRoles ?? ['MEMBER'];
  const other = roles.find((r) => r !== 'HOST') ?? roles[0];
  const list = host && roles.includes('HOST') && !parties.includes(host) ? [host, ...parties] : parties;
  return list.map((party) => ({ party, role: party === host && roles.includes('HOST') ? 'HOST' : other }));
}

function hostOf(change) { return change.body?.parties?.find((p) => p.role === 'HOST')?.party ?? ''; }

async function addChange() {
  const type = $('change-type').value;
  const change = { type };
  const from = $('change-from').value;
  const missing = (key) => { showError($('add-status'), new Error(t('scenario.missing', { field: t(key) })), 'error.input'); };
  if (type === 'START') {
    const parties = $('start-parties').value.split(',').map(partyCode).filter(Boolean);
    const host = partyCode($('start-host').value);
    const name = $('start-name').value.trim();
    if (!name) return missing('scenario.startName');
    if (!parties.length) return missing('scenario.startParties');
    const form = $('start-form').value;
    change.body = { name, form, areas: [$('start-area').value], parties: assignRoles(form, [...new Set(parties)], host) };
  } else {
    const body = pickedBody();
    if (!body) return missing('common.body');
    change.body = body.id;
    if (type !== 'END') {
      const party = partyCode($('change-party').value);
      if (!party) return missing('common.party');
      change.party = party;
    }
    if (type === 'JOIN') change.role = $('change-role').value;
    await describeBody(body.id);
  }
  if (from) change.from = from;
  changes.push(change);
  fill($('add-status'));
  ['change-body', 'change-party', 'start-name', 'start-parties', 'start-host'].forEach((id) => { $(id).value = ''; });
  changed();
}

// ---- the list of changes -------------------------------------------------------------------------------

/** The change in words, with the names the page knows. */
function describe(change) {
  return describeChange(change, { names, bodies, cat, asOf: source.stored?.asOf ?? comparison?.asOf ?? (asOf() || null) });
}

function render() {
  const list = $('change-list');
  $('add-form').hidden = !editable();
  $('no-changes').hidden = changes.length > 0;
  fill(list, changes.map((change, i) => {
    const errors = problems.filter((p) => p.change === i + 1); // the API numbers changes from 1
    return el('li', { class: errors.length ? 'change has-error' : 'change', dataset: { index: String(i), type: change.type } },
      el('span', { class: 'change-text api-text', text: describe(change) }),
      editable() ? el('button', { type: 'button', class: 'link-button remove-change', 'aria-label': t('scenario.removeLabel', { n: i + 1 }),
        i18n: 'scenario.remove', on: { click: () => { changes.splice(i, 1); changed(); } } }) : null,
      change.type === 'START' && editable() ? startEditor(change) : null,
      errors.length ? el('ul', { class: 'change-errors' }, errors.map((p) => el('li', { class: 'message error', role: 'alert',
        text: (p.field ? p.field + ': ' : '') + p.message }))) : null);
  }));
  renderActions();
}

/** A START's form and host, changeable in place (Luckor proposes an agreement hosted by the gap's municipality). */
function startEditor(change) {
  const form = el('select', { class: 'start-form-edit', 'aria-label': t('common.form') });
  fillSelect(form, (cat?.model.forms ?? []).map((f) => ({ value: f.id, text: formLabel(f.id) })), false);
  form.value = change.body.form;
  const parties = change.body.parties.map((p) => p.party);
  const host = el('select', { class: 'start-host-edit', 'aria-label': t('scenario.startHost') });
  fillSelect(host, [{ value: '', text: t('scenario.noHostChoice') }, ...parties.map((p) => ({ value: p, text: label(p) }))], false);
  host.value = hostOf(change);
  host.disabled = !(cat?.model.form[change.body.form]?.partyRoles ?? []).includes('HOST');
  const update = () => {
    change.body.form = form.value;
    change.body.parties = assignRoles(form.value, parties, host.value || null);
    changed();
  };
  form.addEventListener('change', update);
  host.addEventListener('change', update);
  return el('div', { class: 'start-edit small' },
    el('label', {}, t('common.form') + ' ', form), ' ', el('label', {}, t('scenario.startHost') + ' ', host));
}

// ---- the comparison ------------------------------------------------------------------------------------

function query() {
  const q = new URLSearchParams();
  const focus = listParam('focus');
  if (focus?.length) q.set('focus', focus.join(','));
  if (param('scope')) q.set('scope', param('scope'));
  if (realOnly()) q.set('illustrative', 'false');
  return q.toString();
}

async function compare() {
  const mine = ++asked;
  if (!changes.length && source.kind === 'new') {
    comparison = null;
    clearCoverage();
    fill($('comparison'));
    showNoticeKey($('status'), 'scenario.start');
    return;
  }
  showLoading($('status'));
  try {
    let answer;
    if (source.kind === 'id' && !param('c')) {
      answer = await api(`/api/scenarios/${encodeURIComponent(source.id)}/comparison?${query()}`, { date: false });
    } else if (source.kind === 'shared' && !param('c')) {
      answer = await api(`/api/scenarios/shared/${encodeURIComponent(source.token)}/comparison?${query()}`, { date: false });
    } else {
      const focus = listParam('focus');
      answer = await api('/api/scenarios/compare', { method: 'POST', body: {
        scenario: { name: scenarioName || null, asOf: source.stored?.asOf ?? (asOf() || null), changes },
        id: null, shared: null, focus: focus?.length ? focus : null, scope: param('scope') || null, forms: null,
        illustrative: !realOnly() } });
    }
    if (mine !== asked) return;
    comparison = answer;
    problems = [];
    fill($('status'));
    showCoverage(await coverageFor(answer, { scope: answer.scope ?? 'all' }).catch(() => null));
  } catch (e) {
    if (mine !== asked) return;
    comparison = null;
    clearCoverage();
    fill($('comparison'));
    problems = e instanceof ApiError && e.status === 422 ? (e.problem.errors ?? []) : [];
    showError($('status'), e, e instanceof ApiError && e.status === 422 ? 'scenario.invalid' : 'error.api');
    render();
    return;
  }
  render();
  renderComparison();
}

function renderComparison() {
  if (!comparison) return;
  const focus = comparison.focus ?? listParam('focus') ?? [];
  const report = pageLink('rapport.html', { code: focus[0], ...scenarioParams() });
  fill($('comparison'),
    el('p', { class: 'small', id: 'comparison-date', text: t('scenario.comparedOn', { date: comparison.asOf, n: changes.length }) }),
    ...trustNotices(comparison, names),
    ...comparisonParts(comparison, cat, names),
    focus.length ? el('p', { class: 'page-links' }, el('a', { id: 'scenario-report-link', href: report, i18n: 'scenario.reportLink' })) : null);
}

/** The scenario as the report's address names it. */
function scenarioParams() {
  const focus = listParam('focus');
  const base = param('c') || source.kind === 'new' ? { c: encodeChanges({ name: scenarioName, changes }) }
    : source.kind === 'id' ? { scenario: source.id } : { shared: source.token };
  return focus?.length ? { ...base, focus: focus.join(',') } : base;
}

// ---- save, share, delete, apply --------------------------------------------------------------------------

function renderActions() {
  const box = $('actions-body');
  const parts = [];
  if (source.kind === 'shared') {
    parts.push(el('p', { class: 'small', i18n: 'scenario.sharedReadOnly', vars: { owner: source.stored?.owner ?? '' } }),
      el('button', { type: 'button', class: 'secondary', id: 'copy-scenario', i18n: 'scenario.makeCopy', on: { click: () => {
        setView({ shared: null, c: encodeChanges({ name: scenarioName, changes }) }, { push: true });
        load();
      } } }));
    fill(box, ...parts);
    return;
  }
  if (!changes.length) { fill(box, el('p', { class: 'small', i18n: 'scenario.nothingToSave' })); return; }
  if (!user.authenticated) {
    parts.push(el('p', { class: 'small' }, el('span', { i18n: 'scenario.signInToSave' }), ' ',
      el('a', { href: 'login.html?' + new URLSearchParams({ continue: location.pathname + location.search, lang: lang() }), i18n: 'login.link' })),
    copyButton('copy-unsaved', 'scenario.copyUnsaved', () => location.href));
    fill(box, ...parts);
    return;
  }
  if (source.kind === 'new') {
    parts.push(el('button', { type: 'button', class: 'primary', id: 'save-scenario', i18n: 'scenario.save', on: { click: save } }),
      ' ', copyButton('copy-unsaved', 'scenario.copyUnsaved', () => location.href));
    fill(box, ...parts);
    return;
  }
  const stored = source.stored;
  if (unsavedEdits()) {
    parts.push(el('p', { class: 'message notice', id: 'unsaved-edits', i18n: 'scenario.unsavedEdits' }),
      el('button', { type: 'button', class: 'primary', id: 'save-scenario', i18n: 'scenario.saveChanges', on: { click: save } }), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'discard-edits', i18n: 'scenario.discard', on: { click: () => {
        setView({ c: null }, { push: true }); load();
      } } }));
  } else {
    parts.push(el('p', { class: 'small', id: 'saved-note', text: t('scenario.savedNote', { date: (stored.createdAt ?? '').slice(0, 10),
      revision: stored.basedOnRevision ?? '–' }) }));
  }
  parts.push(el('div', { class: 'share-box', id: 'share-box' }, ...shareParts(stored)));
  parts.push(deleteParts());
  if (mayEditAnything(user)) parts.push(applyParts());
  fill(box, ...parts);
}

function copyButton(id, key, link) {
  return el('button', { type: 'button', class: 'secondary', id, i18n: key, on: { click: () => copy(link()) } });
}

/** Copies a link, and shows it selected beside the actions for copying by hand where the clipboard is refused. */
async function copy(link) {
  let copied = false;
  try { await navigator.clipboard.writeText(link); copied = true; } catch (e) { /* shown for copying by hand */ }
  const input = el('input', { type: 'text', id: 'scenario-link-url', readonly: true, value: link, size: 50, 'aria-label': t('common.linkLabel') });
  fill($('action-status'), el('p', { role: 'status' }, el('span', { i18n: copied ? 'common.linkCopied' : 'common.linkCopyByHand' }), ' ', input));
  input.select();
}

/** The read link, with the focus and scope of this view, so it opens the same comparison. */
function shareUrl(token) {
  return new URL(pageLink('scenario.html', { shared: token, focus: listParam('focus')?.join(','), scope: param('scope') }),
    location.origin + '/').href;
}

function shareParts(stored) {
  if (stored.shared && stored.shareToken) {
    return [el('p', { class: 'small', i18n: 'scenario.sharedNote' }),
      copyButton('copy-share', 'scenario.copyShare', () => shareUrl(stored.shareToken)), ' ',
      el('button', { type: 'button', class: 'link-button', id: 'unshare', i18n: 'scenario.unshare', on: { click: () => act(async () => {
        await api(`/api/scenarios/${encodeURIComponent(source.id)}/share`, { method: 'DELETE' });
        stored.shared = false;
        stored.shareToken = null;
        return 'scenario.unshared';
      }) } })];
  }
  return [el('button', { type: 'button', class: 'secondary', id: 'share-scenario', i18n: 'scenario.share', on: { click: () => act(async () => {
    const answer = await api(`/api/scenarios/${encodeURIComponent(source.id)}/share`, { method: 'POST' });
    stored.shared = true;
    stored.shareToken = answer.shareToken;
    renderActions();
    await copy(shareUrl(answer.shareToken));
    return null;
  }) } })];
}

function deleteParts() {
  const confirm = el('button', { type: 'button', class: 'secondary danger', id: 'confirm-delete', hidden: true, i18n: 'scenario.confirmDelete',
    on: { click: () => act(async () => {
      await api(`/api/scenarios/${encodeURIComponent(source.id)}`, { method: 'DELETE' });
      // the changes stay on the page, unsaved, so nothing the user built is lost with the stored copy
      setView({ id: null, c: encodeChanges({ name: scenarioName, changes }) }, { push: true });
      await load();
      loadMine();
      return 'scenario.deleted';
    }) } });
  return el('p', { class: 'delete-box' },
    el('button', { type: 'button', class: 'link-button', id: 'delete-scenario', i18n: 'scenario.delete', on: { click: () => {
      confirm.hidden = false;
      confirm.focus();
    } } }), ' ', confirm);
}

function applyParts() {
  const reason = el('textarea', { id: 'apply-reason', rows: 2, cols: 40, maxlength: 1000, required: true,
    'aria-describedby': 'apply-help' });
  const blocked = unsavedEdits();
  return el('form', { class: 'apply-box', id: 'apply-form', on: { submit: (e) => { e.preventDefault(); apply(reason.value.trim()); } } },
    el('h4', { i18n: 'scenario.applyHeading' }),
    el('p', { class: 'small', id: 'apply-help', i18n: blocked ? 'scenario.applySaveFirst' : 'scenario.applyHelp' }),
    el('label', { for: 'apply-reason', i18n: 'scenario.reason' }), reason,
    el('button', { type: 'submit', class: 'primary', id: 'apply-scenario', disabled: blocked, i18n: 'scenario.apply' }));
}

/** Runs an action, showing its outcome (a message key) or its error under the actions. */
async function act(fn) {
  showLoading($('action-status'));
  try {
    const key = await fn();
    if (key) showNoticeKey($('action-status'), key);
    else if ($('action-status').querySelector('.loading')) fill($('action-status'));
    renderActions();
  } catch (e) {
    showError($('action-status'), e);
  }
}

async function save() {
  scenarioName = $('scenario-name').value.trim() || t('scenario.defaultName', { date: asOf() || new Date().toISOString().slice(0, 10) });
  await act(async () => {
    if (source.kind === 'id') {
      await api(`/api/scenarios/${encodeURIComponent(source.id)}`, { method: 'PUT',
        body: { name: scenarioName, asOf: source.stored.asOf, changes } });
      setView({ c: null }, { push: true });
    } else {
      const saved = await api('/api/scenarios', { method: 'POST', body: { name: scenarioName, asOf: asOf() || null, changes } });
      setView({ id: saved.id, c: null }, { push: true });
    }
    await load();
    loadMine();
    return 'scenario.saved';
  });
}

/** POST …/apply with the reason: the edits written, or (409) which changes no longer apply and nothing written. */
async function apply(reason) {
  if (!reason) { showError($('action-status'), new Error(t('scenario.reasonRequired')), 'error.input'); return; }
  showLoading($('action-status'));
  try {
    const answer = await api(`/api/scenarios/${encodeURIComponent(source.id)}/apply`, { method: 'POST', body: { reason } });
    const applied = answer.applied ?? [];
    fill($('action-status'), el('div', { class: 'message notice', role: 'status', id: 'apply-done' },
      el('strong', { i18n: 'scenario.appliedHeading', vars: { n: applied.length } }),
      el('ul', {}, applied.map((a) => el('li', { text: `${changes[a.change - 1] ? describe(changes[a.change - 1]) : a.change} (${a.body})` }))),
      el('a', { href: pageLink('andringar.html'), id: 'applied-changes-link', i18n: 'scenario.seeChanges' })));
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      const stale = e.problem.stale ?? [];
      fill($('action-status'), el('div', { class: 'message error', role: 'alert', id: 'apply-stale' },
        el('strong', { i18n: 'scenario.staleHeading' }), ' ', el('span', { i18n: 'scenario.nothingWritten' }),
        el('ul', {}, stale.map((s) => el('li', { dataset: { change: String(s.change) } },
          el('span', { text: t('scenario.changeNumber', { n: s.change }) + ' ' }),
          el('span', { class: 'change-text api-text', text: changes[s.change - 1] ? describe(changes[s.change - 1]) : '' }), ': ',
          el('span', { class: 'detail', text: s.message }))))));
      return;
    }
    showError($('action-status'), e, e instanceof ApiError && e.status === 403 ? 'scenario.applyForbidden' : 'error.api');
  }
}

/** The signed-in user's saved scenarios, to open again. */
async function loadMine() {
  if (!user.authenticated) return;
  try {
    const mine = await api('/api/scenarios', { date: false });
    $('mine').hidden = !mine.length;
    fill($('mine-list'), mine.map((s) => el('li', {},
      el('a', { href: pageLink('scenario.html', { id: s.id }), text: s.name || s.id }),
      el('span', { class: 'small', text: ' ' + t('scenario.mineItem', { n: s.changes ?? s.changeCount ?? 0, date: s.asOf ?? '' }) }))));
  } catch (e) { $('mine').hidden = true; }
}
