// Min samverkansväv: a municipality's ego web, portfolio, key figures and "if we leave". The whole view
// (municipality, depth, forms, sector and area filters, labels on lines, the selected node, the exit
// question) is kept in the address, so a copied link or the back button shows the same view.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, showLoading, illustrativeBadge, formLabel,
  roleLabel, levelLabel, formatNumber, formatPercent, loadCatalogue, loadMunicipalities, areaName, sectorName,
  fillSelect, param, listParam, setView, onLangChange, onDateChange, onHistory, markDataset, pick,
  resolveMunicipality, pageLink, asOf, FORM_COLOURS, lang, loadMe,
} from './common.js';
import { normalise, formsText, genitive, itemBadge, coverageNotice, restsNotice } from './coverage.js';
import {
  egoStyle, webElements, webLegend, renderLegend, ringLayout, hideOverlappingLabels, downloadButtons, fileName,
} from './graph.js';

const $ = (id) => document.getElementById(id);
/** Above this many nodes the page shows the tables first and draws the graph on request. */
const TABLE_FIRST = 60;
let cat = null;
let list = [];
let cy = null;
let state = { code: null, web: null, details: null, hosts: null, centrality: null, centralityError: null,
  covered: null, coverageState: null };
let drawAnyway = false;

await initPage('web');
// A code in the address is asked for at once, beside the lists; its web is drawn once the lists are in.
const lists = Promise.all([loadCatalogue(), loadMunicipalities()]).then((both) => { [cat, list] = both; });
const initial = param('code');
const direct = /^\d+$/.test(initial ?? '');
readControls();
if (direct) choose(initial, { push: false });
try {
  await lists;
} catch (e) {
  showError($('status'), e);
}
buildFormChecks();
fillMunicipalityList();
fillFilters();
fillLegend();
markDataset($('dataset-mark'));

$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose($('municipality').value); });
$('municipality').addEventListener('change', () => {
  const code = resolveMunicipality(list, $('municipality').value);
  if (code && code !== state.code) choose($('municipality').value);
});
$('depth').addEventListener('change', () => { setView({ depth: depthValue(), node: null }, { push: true }); if (state.code) load(); });
$('forms').addEventListener('change', () => { setView({ forms: formsParam(), node: null }, { push: true }); if (state.code) load(); });
$('sector').addEventListener('change', () => { setView({ sector: $('sector').value }, { push: true }); applyFilters(); });
$('area').addEventListener('change', () => { setView({ area: $('area').value }, { push: true }); applyFilters(); });
$('edge-labels').addEventListener('change', () => { setView({ roles: $('edge-labels').checked ? '1' : null }); restyle(); });
$('exit-form').addEventListener('submit', (e) => {
  e.preventDefault();
  setView({ exit: $('exit-target').value || 'all' }, { push: true });
  runExit();
});
onDateChange(() => { markDataset($('dataset-mark')); if (state.code) load(); });
onLangChange(() => { fillFilters(); fillLegend(); if (state.web) render(); });
onHistory(() => {
  const before = viewKey();
  readControls();
  const code = param('code');
  if (code && (code !== state.code || before !== viewKey())) { state.code = code; load(); return; }
  if (!code) { state.code = null; clearResults(); showNoticeKey($('status'), 'web.choose'); return; }
  restyle();
  applyFilters();
  selectFromAddress();
  if (param('exit')) runExit(); else clear($('exit-result'));
});

if (initial && !direct) choose(initial, { push: false });
else if (!initial) showNoticeKey($('status'), 'web.choose');

/** What decides the server's answer; a change of it means asking again. */
function viewKey() { return [param('code'), depthValue(), formsParam() ?? '', asOf()].join('|'); }

/** The controls from the address (the forms once the model has said which there are). */
function readControls() {
  $('depth').value = param('depth') === '2' ? '2' : '1';
  $('edge-labels').checked = param('roles') === '1';
  drawAnyway = param('graph') === 'all';
  const forms = listParam('forms');
  if (forms) $('forms').querySelectorAll('input').forEach((i) => { i.checked = forms.includes(i.value); });
  if (cat) {
    $('sector').value = param('sector') ?? '';
    $('area').value = param('area') ?? '';
  }
}

function depthValue() { return $('depth').value; }

function buildFormChecks() {
  const box = $('forms');
  box.querySelectorAll('label').forEach((l) => l.remove());
  const wanted = listParam('forms') ?? cat?.model.defaultForms ?? [];
  (cat?.model.forms ?? []).forEach(({ id }) => {
    const input = el('input', { type: 'checkbox', value: id, id: 'form-' + id, checked: wanted.includes(id) });
    box.append(el('label', { for: 'form-' + id }, input, el('span', { i18n: 'form.' + id })));
  });
}

/** The chosen forms, or null before the model is in (the server then uses its default forms). */
function chosenForms() {
  const inputs = [...$('forms').querySelectorAll('input')];
  if (!inputs.length) return listParam('forms');
  return inputs.filter((i) => i.checked).map((i) => i.value);
}

/** The forms for the address: left out when they are the default ones. */
function formsParam() {
  const forms = chosenForms();
  if (!forms) return null;
  const defaults = cat?.model.defaultForms ?? [];
  return forms.length === defaults.length && forms.every((f) => defaults.includes(f)) ? null : forms.join(',');
}

function fillMunicipalityList() {
  const datalist = clear($('municipality-list'));
  list.forEach((m) => datalist.append(el('option', { value: `${m.name} (${m.code})` })));
}

function fillFilters() {
  fillSelect($('sector'), [{ value: '', text: t('common.allSectors') },
    ...(cat?.sectors ?? []).map((s) => ({ value: s.id, text: pick(s, 'name') }))]);
  fillSelect($('area'), [{ value: '', text: t('common.allAreas') },
    ...(cat?.areas ?? []).map((a) => ({ value: a.id, text: pick(a, 'name') }))]);
  $('sector').value = param('sector') ?? '';
  $('area').value = param('area') ?? '';
}

function legendItems() {
  const forms = chosenOrAll();
  return webLegend(forms, { roles: ['HOST', 'MEMBER', 'PARTICIPANT', ...(forms.some((f) => cat?.model.form[f]?.convener) ? ['CONVENER'] : [])] });
}

function fillLegend() { renderLegend($('legend'), legendItems()); }

function chosenOrAll() { const f = chosenForms(); return f?.length ? f : cat?.model.defaultForms ?? []; }

function choose(text, { push = true } = {}) {
  const code = resolveMunicipality(list, text) ?? (String(text || '').trim() || null);
  if (!code) { showNoticeKey($('status'), 'web.choose'); return; }
  // Digits that name no listed municipality still go to the server, which says whether the code is malformed
  // (400, against its configured pattern) or unknown (404).
  if (!resolveMunicipality(list, code) && !/^\d+$/.test(code)) {
    clearResults();
    showError($('status'), new Error(t('web.noMatch', { text: code })), 'error.input');
    return;
  }
  const changed = code !== state.code;
  state.code = code;
  setView(changed && push ? { code, node: null, exit: null } : { code }, { push: push && changed });
  load();
}

function clearResults() {
  if (cy) { cy.destroy(); cy = null; }
  state.web = null;
  ['node-list', 'figures', 'position', 'portfolio', 'exit-result', 'graph-notice', 'graph-tools', 'coverage-panel-body']
    .forEach((id) => clear($(id)));
  $('coverage-panel').hidden = true;
  $('graph').hidden = false;
  clear($('exit-target'));
  $('page-links').hidden = true;
}

async function load() {
  const code = state.code;
  const forms = chosenForms();
  const depth = depthValue();
  clearResults();
  showLoading($('status'));
  if (forms && forms.length === 0) { showNoticeKey($('status'), 'web.noForms'); return; }
  let web;
  let details;
  let covered;
  let coverageState;
  try {
    [web, details] = await Promise.all([
      api(`/api/analysis/web/${encodeURIComponent(code)}?depth=${depth}${forms ? '&forms=' + forms.join(',') : ''}`),
      api(`/api/municipalities/${encodeURIComponent(code)}${forms ? '?forms=' + forms.join(',') : ''}`),
    ]);
    covered = details.covered; // the municipality answer's own word for the same forms (noData: nothing known either)
    coverageState = await api(`/api/coverage/${encodeURIComponent(code)}`).catch(() => null);
  } catch (e) {
    showError($('status'), e);
    fill($('details'), el('p', { class: 'small', i18n: 'web.detailsHint' }));
    return;
  }
  await lists.catch(() => {}); // names of areas and sectors for the tables
  if (code !== state.code) return;
  state = { ...state, web, details, covered, coverageState, hosts: null, centrality: null, centralityError: null, hostsError: null };
  $('municipality').value = `${details.name} (${details.code})`;
  clear($('status'));
  const position = loadPosition(details); // asked before drawing, so the server works while the browser draws
  render();
  if (param('exit')) runExit();
  await position;
}

/** True when the page must say "no data" rather than "none": the list is not known to be complete. */
function unknown() { return state.covered === false; }

function render() {
  const { web, details } = state;
  fillLegend();
  renderPageLinks(details);
  renderNoData(web, details);
  renderGraph(web);
  renderNodeList(web);
  renderPortfolio(web, details);
  renderFigures(web, details);
  renderPosition();
  renderCoveragePanel();
  fillExitTargets(details);
  if (web.nodes.length <= 1 && !unknown()) {
    showNoticeKey($('status'), 'web.noBodies', { name: details.name, date: web.asOf });
  }
  applyFilters();
  selectFromAddress();
}

/**
 * For a municipality whose list of bodies is not known to be complete: "no data yet", what is known, and how
 * data gets in (a bundle loaded by an administrator, or a declaration by the municipality's editor below).
 */
function renderNoData(web, details) {
  if (!unknown()) return;
  const known = portfolioBodies(details);
  const forms = formsText(chosenOrAll());
  fill($('status'), el('div', { class: 'message notice no-data', role: 'status', id: 'no-data' },
    el('strong', { text: t('web.noData', { nameGen: genitive(details.name, lang()), forms, date: web.asOf }) }),
    el('p', { text: t('web.noDataExplain', { name: details.name }) }),
    el('p', { id: 'no-data-known', text: known.length
      ? t('web.noDataKnown', { n: known.length, bodies: known.map((b) => b.name).join(', ') })
      : t('web.noDataNoneKnown') }),
    el('p', { class: 'small', id: 'no-data-how' }, t('web.noDataHow'), ' ',
      el('a', { href: '#coverage-panel', i18n: 'web.noDataHowLink' }))));
}

/** Whether the user may declare or withdraw coverage for the municipality (docs/security.md). */
function mayDeclare(user, code) {
  if (!user?.authenticated) return false;
  const roles = user.roles ?? [];
  return roles.includes('ADMIN') || (roles.includes('EDITOR') && (user.scopes ?? []).includes('municipality:' + code));
}

/**
 * Täckning: whether the municipality's list of bodies of the chosen forms is declared complete, on what rows,
 * and for an editor of the municipality the declaration (forms, from-date, reason, source) and the withdrawal
 * of an active row, through POST /api/coverage/{code} and …/withdraw with the coverage version.
 */
async function renderCoveragePanel() {
  const panel = $('coverage-panel');
  const body = $('coverage-panel-body');
  const { details, coverageState: cs } = state;
  if (!details) return;
  panel.hidden = false;
  const user = await loadMe();
  if (state.details !== details) return;
  const editor = mayDeclare(user, details.code) && cs;
  const nameGen = genitive(details.name, lang());
  const forms = formsText(chosenOrAll());
  const active = (cs?.rows ?? []).filter((r) => r.active);
  const rowForms = (r) => (r.forms?.length ? formsText(r.forms) : t('coverage.allForms'));
  const parts = [el('p', { id: 'coverage-lead', text: unknown()
    ? t('web.coverageNotDeclared', { nameGen, forms, date: state.web?.asOf ?? '' })
    : t('web.coverageDeclared', { nameGen, forms, date: state.web?.asOf ?? '' }) })];
  if (active.length) {
    parts.push(el('ul', { id: 'coverage-rows' }, active.map((r) => el('li', { dataset: { row: r.id } },
      t('web.coverageRow', { forms: rowForms(r), from: r.validFrom }), ' ',
      el('span', { class: 'small', text: `(${r.illustrative ? t('illustrative.badge') : citation(r)})` }), itemBadge(r),
      editor ? withdrawControl(details.code, r) : null))));
  }
  if (editor) parts.push(declareForm(details.code));
  else if (unknown()) parts.push(el('p', { class: 'small', id: 'coverage-how', text: t('web.coverageHow', { name: details.name }) }));
  parts.push(el('div', { id: 'coverage-result', 'aria-live': 'polite' }));
  fill(body, ...parts);
}

/** The row's source as a person reads it: its citations' labels, else the source as stored. */
function citation(row) {
  const labels = (row.citations ?? []).map((c) => c.label ?? c.text).filter(Boolean);
  return labels.length ? labels.join('; ') : row.source;
}

function declareForm(code) {
  const today = asOf() || new Date().toISOString().slice(0, 10);
  const wanted = chosenOrAll();
  const checks = (cat?.model.forms ?? []).map(({ id }) => el('label', { for: 'declare-form-' + id },
    el('input', { type: 'checkbox', id: 'declare-form-' + id, value: id, checked: wanted.includes(id) }),
    el('span', { i18n: 'form.' + id })));
  const form = el('form', { class: 'controls', id: 'declare-coverage' },
    el('fieldset', { class: 'field checks', id: 'declare-forms' }, el('legend', { i18n: 'web.declareForms' }), ...checks),
    el('div', { class: 'field' }, el('label', { for: 'declare-from', i18n: 'web.declareFrom' }),
      el('input', { type: 'date', id: 'declare-from', value: today, required: true })),
    el('div', { class: 'field' }, el('label', { for: 'declare-source', i18n: 'web.declareSource' }),
      el('input', { type: 'text', id: 'declare-source', size: 30 })),
    el('div', { class: 'field' }, el('label', { for: 'declare-reason', i18n: 'web.declareReason' }),
      el('input', { type: 'text', id: 'declare-reason', size: 30, required: true })),
    el('button', { type: 'submit', class: 'primary', id: 'declare-submit', i18n: 'web.declare' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll('#declare-forms input:checked')].map((i) => i.value);
    await coverageEdit(code, '', { forms: chosen, validFrom: $('declare-from').value,
      source: $('declare-source').value.trim() || null, reason: $('declare-reason').value.trim() || null });
  });
  return el('div', { class: 'declare' }, el('h3', { i18n: 'web.declareHeading' }),
    el('p', { class: 'small', i18n: 'web.declareLead' }), form);
}

function withdrawControl(code, row) {
  const id = 'withdraw-' + row.id.replace(/[^A-Za-z0-9_-]/g, '');
  const date = el('input', { type: 'date', id: id + '-to', value: asOf() || new Date().toISOString().slice(0, 10),
    'aria-label': t('web.withdrawTo') });
  const reason = el('input', { type: 'text', id: id + '-reason', size: 20, 'aria-label': t('web.declareReason'),
    placeholder: t('web.declareReason') });
  return el('span', { class: 'withdraw' }, ' ', el('label', { for: id + '-to', class: 'small', i18n: 'web.withdrawTo' }), ' ', date, ' ', reason, ' ',
    el('button', { type: 'button', class: 'secondary', id, i18n: 'web.withdraw', on: { click: () =>
      coverageEdit(code, '/withdraw', { row: row.id, validTo: date.value, reason: reason.value.trim() || null }) } }));
}

/** Sends a declaration or a withdrawal with the coverage version; on success the page asks again. */
async function coverageEdit(code, path, payload) {
  try {
    await api(`/api/coverage/${encodeURIComponent(code)}${path}`, { method: 'POST',
      body: { ...payload, version: state.coverageState?.version ?? 0 } });
  } catch (e) {
    if (e.status === 409) {
      state.coverageState = e.problem?.current ?? await api(`/api/coverage/${encodeURIComponent(code)}`).catch(() => state.coverageState);
      await renderCoveragePanel();
    }
    showError($('coverage-result'), e, e.status === 409 ? 'web.coverageConflict' : 'web.coverageFailed');
    const problems = e.problem?.errors ?? [];
    if (problems.length) $('coverage-result').append(el('ul', {}, problems.map((p) => el('li', { text: p.message ?? String(p) }))));
    return;
  }
  await load();
  showNoticeKey($('coverage-result'), path ? 'web.withdrawn' : 'web.declared');
}

function renderPageLinks(details) {
  $('page-links').hidden = false;
  $('report-link').href = pageLink('rapport.html', { code: details.code });
  $('compare-link').href = pageLink('jamfor.html', { a: details.code });
  $('timeline-link').href = pageLink('tidslinje.html', { subject: details.code });
  $('scenario-link').href = pageLink('scenario.html', { focus: details.code });
}

function renderGraph(web) {
  if (cy) { cy.destroy(); cy = null; }
  clear($('graph-tools'));
  if (unknown() && web.nodes.length <= 1) {
    // A lone circle would read as "no cooperation"; the notice above says what is and is not known.
    $('graph').hidden = true;
    fill($('graph-notice'), el('p', { class: 'message notice', role: 'status', id: 'graph-no-data',
      i18n: 'web.graphNoData', vars: { name: web.label ?? state.details?.name ?? web.code } }));
    return;
  }
  if (web.nodes.length > TABLE_FIRST && !drawAnyway) {
    $('graph').hidden = true;
    fill($('graph-notice'), el('div', { class: 'message notice', role: 'status', id: 'table-first' },
      el('span', { i18n: 'web.tableFirst', vars: { n: web.nodes.length } }), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'draw-anyway', i18n: 'web.drawAnyway', on: { click: () => {
        drawAnyway = true;
        setView({ graph: 'all' }, { push: true });
        renderGraph(state.web);
        applyFilters();
        selectFromAddress();
      } } })));
    $('node-list-details').open = true;
    return;
  }
  clear($('graph-notice'));
  $('graph').hidden = false;
  cy = cytoscape({
    container: $('graph'), elements: webElements(web), style: egoStyle({ edgeLabels: $('edge-labels').checked }),
    layout: { name: 'preset' }, minZoom: 0.1, maxZoom: 3,
  });
  ringLayout(cy);
  hideOverlappingLabels(cy);
  cy.fit(undefined, 12);
  cy.on('tap', 'node', (event) => selectNode(event.target.id()));
  cy.on('tap', (event) => { if (event.target === cy) selectNode(null); });
  window.samverkansvavenGraph = cy; // for the browser tests
  downloadButtons($('graph-tools'), () => ({
    cy, name: fileName('samverkansvav', state.details?.name, state.web?.asOf),
    title: t('graph.webTitle', { name: state.details?.name ?? '' }),
    subtitle: t('graph.subtitle', { date: state.web?.asOf, depth: depthValue() }),
    legend: legendItems(),
  }));
}

function restyle() {
  if (cy) cy.style(egoStyle({ edgeLabels: $('edge-labels').checked }));
}

function renderNodeList(web) {
  const ul = clear($('node-list'));
  web.nodes.forEach(({ data }) => {
    const kind = data.type === 'body' ? formLabel(data.form) : t('type.' + data.type);
    ul.append(el('li', { dataset: { id: data.id } },
      el('button', { type: 'button', class: 'link-button', translate: 'no', on: { click: () => selectNode(data.id) } }, data.label),
      ` (${kind}${data.host ? ', ' + t('web.hostShort') : ''})`,
      data.illustrative ? illustrativeBadge() : null));
  });
}

/** Selects a node (or none) and keeps the choice in the address. */
function selectNode(id) {
  setView({ node: id });
  selectFromAddress();
}

function selectFromAddress() {
  const id = param('node');
  if (cy) cy.$(':selected').unselect();
  document.querySelectorAll('#node-list li.selected').forEach((li) => li.classList.remove('selected'));
  if (!id || !state.web) { fill($('details'), el('p', { class: 'small', i18n: 'web.detailsHint' })); return; }
  const data = state.web.nodes.find((n) => n.data.id === id)?.data;
  if (!data) { fill($('details'), el('p', { class: 'small', i18n: 'web.detailsHint' })); return; }
  if (cy) cy.getElementById(id).select();
  document.querySelector(`#node-list li[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  showNode(data);
}

async function showNode(data) {
  const box = $('details');
  if (data.type !== 'body') {
    fill(box,
      el('h3', { text: data.label }),
      el('dl', {},
        el('dt', { i18n: 'common.type' }), el('dd', { i18n: 'type.' + data.type }),
        el('dt', { i18n: 'common.code' }), el('dd', { text: data.id }),
        el('dt', { i18n: 'web.hostInWeb' }), el('dd', { i18n: data.host ? 'common.yes' : 'common.no' })),
      data.type === 'municipality' && data.id !== state.code
        ? el('button', { type: 'button', class: 'secondary', on: { click: () => { $('municipality').value = data.id; choose(data.id); } } },
          t('web.showWebOf', { name: data.label }))
        : null);
    return;
  }
  showLoading(box);
  try {
    const body = await api(`/api/bodies/${encodeURIComponent(data.id)}`);
    if (param('node') === data.id) renderBody(box, body);
  } catch (e) {
    showError(box, e);
  }
}

/** The body's sources as citations (GET /api/bodies/{id} `sources`), an http(s) address as a link; else its source. */
function citations(body) {
  const sources = body.sources?.length ? body.sources : [{ label: body.source || '–' }];
  return sources.map((s, i) => el('span', {}, i ? '; ' : '', s.label ?? '',
    s.url && /^https?:\/\//.test(s.url) ? [' ', el('a', { href: s.url, rel: 'noopener noreferrer', text: s.url })] : null,
    s.read ? ` (${s.read})` : null));
}

function renderBody(box, body) {
  const heading = el('h3', {}, el('span', { translate: 'no', text: body.name }), body.illustrative ? illustrativeBadge() : null);
  const rows = [
    [t('common.form'), formLabel(body.form)],
    [t('common.id'), body.id],
    body.seat ? [t('web.seat'), `${body.seat.name} (${body.seat.code})`] : null,
    body.sector ? [t('web.sector'), sectorName(cat, body.sector)] : null,
    body.level ? [t('common.level'), levelLabel(body.level)] : null,
    [t('common.areas'), body.areas.map((a) => pick(a, 'name')).join(', ') || '–'],
    [t('common.validFrom'), body.validFrom || '–'],
    [t('common.validTo'), body.validTo || '–'],
  ].filter(Boolean);
  const dl = el('dl', {}, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]),
    el('dt', { text: t('common.source') }), el('dd', { translate: 'no' }, citations(body)));
  const parties = body.parties.filter((p) => p.active);
  const table = el('table', {},
    el('caption', { text: t('web.partiesOn', { date: body.asOf }) }),
    el('thead', {}, el('tr', {}, el('th', { text: t('common.party') }), el('th', { text: t('common.role') }),
      el('th', { text: t('common.since') }), el('th', { text: t('common.source') }))),
    el('tbody', {}, parties.map((p) => el('tr', {},
      el('td', { translate: 'no', text: `${p.name ?? p.party}` }), el('td', { text: roleLabel(p.role) }),
      el('td', { text: p.validFrom || '–' }), el('td', { translate: 'no', text: p.source || '–' })))));
  const extra = [];
  if (body.conveners?.length) {
    extra.push(el('p', {}, el('strong', { text: t('web.conveners') + ': ' }),
      body.conveners.filter((c) => c.active).map((c) => c.name ?? c.party).join(', ')));
  }
  if (body.goals?.length) {
    extra.push(el('p', {}, el('strong', { text: t('web.goals') + ': ' }), body.goals.map((g) => g.name).join(', ')));
  }
  // The edit page shows the form to those who may edit, and a read-only view with a login link to others.
  extra.push(el('p', {}, el('a', { href: pageLink('redigera.html', { id: body.id }), i18n: 'web.openBody' })));
  fill(box, heading, dl, el('div', { class: 'table-wrap' }, table), ...extra);
}

/** body id → {partners: [labels], host: label} from the ego web's edges. */
function bodyParties(web) {
  const labels = Object.fromEntries(web.nodes.map((n) => [n.data.id, n.data.label]));
  const byBody = {};
  web.edges.forEach(({ data }) => {
    const entry = byBody[data.target] ??= { partners: [], host: null };
    if (data.role === 'HOST') entry.host = labels[data.source];
    if (data.source !== web.code) entry.partners.push(labels[data.source] ?? data.source);
  });
  return byBody;
}

function portfolioBodies(details) {
  const forms = chosenOrAll();
  return details.bodies.filter((b) => forms.includes(b.form));
}

function renderPortfolio(web, details) {
  const box = $('portfolio');
  const bodies = portfolioBodies(details);
  if (bodies.length === 0) {
    showNoticeKey(box, unknown() ? 'web.noDataNoneKnown' : 'web.noBodies', { name: details.name, date: details.asOf });
    return;
  }
  const parties = bodyParties(web);
  const table = el('table', { id: 'portfolio-table' },
    el('caption', { text: t(unknown() ? 'web.portfolioCaptionKnown' : 'web.portfolioCaption', { name: details.name, date: details.asOf }) }),
    el('thead', {}, el('tr', {}, ['common.body', 'common.form', 'common.role', 'common.areas', 'web.partners', 'web.host', 'common.since']
      .map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, bodies.map((b) => {
      const p = parties[b.id];
      const partners = p ? p.partners : [];
      return el('tr', { dataset: { id: b.id, sectors: sectorsOf(b.areas).join(' '), areas: b.areas.join(' ') } },
        el('td', {}, el('button', { type: 'button', class: 'link-button', translate: 'no', on: { click: () => selectNode(b.id) } }, b.name),
          b.illustrative ? illustrativeBadge() : null),
        el('td', { text: formLabel(b.form) }),
        el('td', { text: roleLabel(b.role) }),
        el('td', { text: b.areas.map((a) => areaName(cat, a)).join(', ') || '–' }),
        el('td', { text: partners.length ? `${partners.length}: ${partners.join(', ')}` : '–' }),
        el('td', { text: b.role === 'HOST' ? details.name : (p?.host ?? '–') }),
        el('td', { text: b.since || '–' }));
    })));
  fill(box, table);
}

function sectorsOf(areas) {
  return [...new Set((areas || []).map((a) => cat?.area[a]?.sector).filter(Boolean))];
}

function figure(labelKey, value, explain, id) {
  return el('div', { class: 'figure', id },
    el('div', { class: 'label', text: t(labelKey) }),
    el('div', { class: 'value', text: value }),
    explain ? el('div', { class: 'explain', text: explain }) : null);
}

function renderFigures(web, details) {
  const box = clear($('figures'));
  const bodies = portfolioBodies(details);
  const counts = {};
  bodies.forEach((b) => { counts[b.form] = (counts[b.form] ?? 0) + 1; });
  const countList = el('ul', { class: 'legend', id: 'counts-by-form' }, Object.entries(counts).map(([form, n]) =>
    el('li', {}, el('span', { class: 'swatch', style: `background:${FORM_COLOURS[form]}` }), `${formLabel(form)}: ${n}`)));
  // Without a complete list a count is only what is known: the tile says "unknown" and how many are known.
  const known = (n) => (unknown() ? t('web.unknownKnown', { n }) : String(n));
  box.append(el('div', { class: 'figure', id: 'counts-figure' }, el('div', { class: 'label', text: t('web.countsByForm') }),
    el('div', { class: 'value', text: known(bodies.length) }), countList));
  const hostable = bodies.filter((b) => cat?.model.form[b.form]?.requiresHost);
  const hosted = hostable.filter((b) => b.role === 'HOST');
  box.append(figure('web.hostedShare', unknown() ? t('web.unknown')
    : hostable.length ? formatPercent(hosted.length / hostable.length) : '–',
  t(unknown() ? 'web.hostedShareKnown' : 'web.hostedShareExplain', { hosted: hosted.length, total: hostable.length }), 'hosted-share'));
  box.append(figure('web.partnersCount', known(web.partners.length),
    web.partners.slice(0, 3).map((p) => `${p.label ?? p.id} (${p.weight})`).join(', '), 'partners-count'));
}

async function loadPosition(details) {
  const county = details.county?.code;
  const code = details.code;
  if (!county) return;
  const hosts = api(`/api/analysis/hosts?scope=county:${county}`)
    .then((h) => { state.hosts = h; }, (e) => { state.hostsError = e; });
  const centrality = api(`/api/analysis/centrality?scope=county:${county}`)
    .then((c) => { state.centrality = c; }, (e) => { state.centralityError = e; });
  await Promise.all([hosts, centrality]);
  if (state.code === code) renderPosition();
}

function renderPosition() {
  const box = clear($('position'));
  const { details } = state;
  if (!details) return;
  const figures = el('div', { class: 'figures' });
  box.append(figures);
  if (state.hostsError) {
    box.append(el('div', { class: 'message error', role: 'alert' }, el('strong', { text: t('web.dependencyFailed') }), ' ',
      state.hostsError.detail ?? String(state.hostsError)));
  } else if (state.hosts) {
    const me = state.hosts.municipalities.find((m) => m.code === details.code);
    const dep = me?.dependency;
    if (unknown()) {
      // What it buys from a host and what it hosts are unknown, not none, without a complete list.
      figures.append(figure('web.dependency', t('web.unknown'), t('web.dependencyUnknown'), 'dependency'));
      figures.append(figure('web.hostRoles', t('web.unknownKnown', { n: me?.hostRoles ?? 0 }),
        t('web.hostRolesExplain', { seats: me?.seats ?? 0, county: details.county.name }), 'host-roles'));
    } else {
      figures.append(figure('web.dependency', dep ? formatPercent(dep.share) : '–',
        dep ? t('web.dependencyExplain', { host: dep.hostName ?? dep.host, n: dep.hostedByHost, of: dep.participations })
          : t('web.noDependency'), 'dependency'));
      if (dep) $('dependency').querySelector('.label').append(itemBadge(dep) ?? '');
      figures.append(figure('web.hostRoles', String(me?.hostRoles ?? 0),
        t('web.hostRolesExplain', { seats: me?.seats ?? 0, county: details.county.name }), 'host-roles'));
    }
  } else {
    figures.append(el('p', { class: 'message loading', i18n: 'common.loading' }));
  }
  if (state.centralityError) {
    box.append(el('p', { class: 'message notice', role: 'status', id: 'centrality-unavailable' },
      t('web.centralityUnavailable'), ' ', el('span', { class: 'small', text: state.centralityError.detail ?? '' })));
  } else if (state.centrality) {
    const vertices = state.centrality.vertices ?? [];
    const me = vertices.find((v) => v.id === details.code);
    if (!me) {
      figures.append(figure('web.centrality', unknown() ? t('web.unknown') : '–',
        t(unknown() ? 'web.centralityUnknown' : 'web.notInP', { county: details.county.name }), 'centrality'));
    } else {
      // Betweenness 0 is no broker role at all, not the last rank of a list.
      const noRole = me.brokerRole === false || me.betweenness === 0;
      const value = noRole ? t('web.noBrokerRole')
        : t('web.rankOf', { rank: me.ranks?.betweenness ?? '?', n: vertices.length });
      figures.append(figure('web.centrality', value,
        t('web.centralityExplain', { county: details.county.name, b: formatNumber(me.betweenness, 3),
          degree: me.degree, rank: me.ranks?.degree ?? '?' })
        + (me.articulationPoint ? ' ' + t('web.articulation') : '')
        + (unknown() ? ' ' + t('web.centralityKnownOnly') : ''), 'centrality'));
      $('centrality').querySelector('.label').append(itemBadge(me) ?? '');
    }
    const rests = restsNotice(state.centrality.restsOnIllustrative, 'centrality-rests-on-illustrative');
    if (rests) box.append(rests);
  }
}

function fillExitTargets(details) {
  const select = clear($('exit-target'));
  select.append(el('option', { value: 'all', text: t('web.exitAll') }));
  const bodies = portfolioBodies(details).filter((b) => b.role !== 'CONVENER');
  if (bodies.length) {
    select.append(el('optgroup', { label: t('web.exitBody') }, bodies.map((b) =>
      el('option', { value: 'body:' + b.id, translate: 'no', text: `${b.name} (${formLabel(b.form)})` }))));
  }
  const areas = [...new Set(bodies.flatMap((b) => b.areas))].sort();
  if (areas.length) {
    select.append(el('optgroup', { label: t('web.exitArea') }, areas.map((a) =>
      el('option', { value: 'area:' + a, text: areaName(cat, a) }))));
  }
  const wanted = param('exit');
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
}

async function runExit() {
  const box = $('exit-result');
  if (!state.code) { showNoticeKey(box, 'web.choose'); return; }
  const target = param('exit') || $('exit-target').value || 'all';
  if ([...$('exit-target').options].some((o) => o.value === target)) $('exit-target').value = target;
  const forms = chosenForms();
  let query = `municipality=${encodeURIComponent(state.code)}${forms ? '&forms=' + forms.join(',') : ''}`;
  if (target.startsWith('body:')) query += '&body=' + encodeURIComponent(target.slice(5));
  if (target.startsWith('area:')) query += '&area=' + encodeURIComponent(target.slice(5));
  showLoading(box);
  try {
    const result = await api('/api/analysis/exit?' + query);
    state.exit = result;
    renderExit(box, result);
  } catch (e) {
    showError(box, e);
  }
}

async function renderExit(box, r) {
  // Without a complete list, an empty answer is "unknown" (what is not in the data may still be lost).
  const none = () => t(unknown() ? 'web.unknown' : 'common.none');
  const bodies = (refs) => (refs.length
    ? refs.flatMap((b, i) => [i ? ', ' : null, el('span', { translate: 'no', text: b.name }), itemBadge(b)])
    : [none()]);
  const parts = [
    unknown() ? el('p', { class: 'message notice', role: 'status', id: 'exit-no-data',
      i18n: 'web.exitNoData' }) : null,
    restsNotice(r.restsOnIllustrative, 'exit-rests-on-illustrative'),
    el('p', { id: 'exit-left' }, el('strong', { text: t('web.exitLeft') + ': ' }), ...bodies(r.bodiesLeft)),
    el('p', { id: 'exit-ended' }, el('strong', { text: t('web.exitEnded') + ': ' }), ...bodies(r.bodiesEnded)),
    el('p', {}, el('strong', { text: t('web.exitLostSelf') + ': ' }),
      r.areasLostByLeaver.length ? r.areasLostByLeaver.map((a) => areaName(cat, a)).join(', ') : none()),
    el('p', {}, el('strong', { text: t('web.exitComponents') + ': ' }),
      t('web.exitComponentsText', { before: r.componentsBefore, after: r.componentsAfter, actorsBefore: r.actorsBefore, actorsAfter: r.actorsAfter }),
      el('span', { class: 'explain-inline', text: ' ' + t('web.exitComponentsExplain') })),
    splitOff(r),
    el('p', {}, el('strong', { text: t('web.exitArticulation') + ': ' }),
      t('web.exitArticulationText', { gained: r.articulationPointsGained.join(', ') || t('common.none'),
        lost: r.articulationPointsLost.join(', ') || t('common.none') }),
      el('span', { class: 'explain-inline', text: ' ' + t('web.exitArticulationExplain') })),
  ];
  if (r.areasLostByOthers.length) {
    parts.push(el('h3', { text: t('web.exitLostOthers') }), el('div', { class: 'table-wrap' }, el('table', { id: 'exit-lost-others' },
      el('thead', {}, el('tr', {}, el('th', { text: t('common.party') }), el('th', { text: t('common.areas') }))),
      el('tbody', {}, r.areasLostByOthers.map((l) => el('tr', {}, el('td', {}, l.label ?? l.party, itemBadge(l)),
        el('td', { text: l.areas.map((a) => areaName(cat, a)).join(', ') })))))));
  }
  if (r.rankChanges.length) {
    // No broker role (betweenness 0) is said so, not given the last rank.
    const rank = (value, betweenness, role) => (role === false || betweenness === 0 ? t('web.noBrokerRoleShort') : value ?? '–');
    parts.push(el('h3', { text: t('web.exitRanks') }), el('div', { class: 'table-wrap' }, el('table', { id: 'exit-ranks' },
      el('thead', {}, el('tr', {}, el('th', { text: t('common.municipality') }), el('th', { class: 'num', text: t('web.rankBefore') }),
        el('th', { class: 'num', text: t('web.rankAfter') }))),
      el('tbody', {}, r.rankChanges.slice(0, 20).map((c) => el('tr', {}, el('td', {}, c.name ?? c.code, itemBadge(c)),
        el('td', { class: 'num', text: rank(c.rankBefore, c.betweennessBefore, c.brokerRoleBefore) }),
        el('td', { class: 'num', text: rank(c.rankAfter, c.betweennessAfter, c.brokerRoleAfter) })))))));
    if (r.rankChanges.length > 20) parts.push(el('p', { class: 'small', text: t('web.moreRows', { n: r.rankChanges.length - 20 }) }));
  }
  fill(box, ...parts.filter(Boolean));
  const notice = await coverageNotice(normalise(r.coverage), { id: 'exit-coverage' });
  if (notice && box.isConnected && state.exit === r) box.prepend(notice);
}

/**
 * Who gets cut off: the members of each part that splits off when the municipality leaves (the answer's
 * `splitOff`: [{size, members: [{id, label, type}], illustrative}]) and the actors left with no tie at all
 * (`droppedOut`); null when the answer names none.
 */
function splitOff(r) {
  const parts = Array.isArray(r.splitOff) ? r.splitOff : [];
  const dropped = Array.isArray(r.droppedOut) ? r.droppedOut : [];
  if (!parts.length && !dropped.length) return null;
  const label = (m) => (typeof m === 'string' ? m : m.label ?? m.name ?? m.id ?? m.code);
  return el('div', { id: 'exit-split-off' },
    parts.length ? el('p', {}, el('strong', { text: t('web.exitSplitOff') + ': ' })) : null,
    parts.length ? el('ul', {}, parts.map((p) => el('li', {},
      el('span', { translate: 'no', text: (p.members ?? []).map(label).join(', ') }), itemBadge(p)))) : null,
    dropped.length ? el('p', { id: 'exit-dropped-out' }, el('strong', { text: t('web.exitDroppedOut') + ': ' }),
      el('span', { translate: 'no', text: dropped.map(label).join(', ') })) : null);
}

/**
 * Fades bodies outside the chosen sector or area (and parties left with no visible body), and hides their
 * table rows; the layout stays, so the rest keeps its place.
 */
function applyFilters() {
  const sector = $('sector').value;
  const area = $('area').value;
  const keep = (areas) => (!sector || sectorsOf(areas).includes(sector)) && (!area || (areas || []).includes(area));
  if (cy) {
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (!sector && !area) return;
      cy.nodes('[type = "body"]').forEach((n) => { if (!keep(n.data('areas'))) n.addClass('faded'); });
      cy.nodes('[type != "body"]').forEach((n) => {
        if (n.data('distance') !== 0 && n.neighborhood('node').every((b) => b.hasClass('faded'))) n.addClass('faded');
      });
      cy.edges().forEach((e) => { if (e.source().hasClass('faded') || e.target().hasClass('faded')) e.addClass('faded'); });
    });
  }
  document.querySelectorAll('#portfolio-table tbody tr').forEach((row) => {
    row.hidden = !keep(row.dataset.areas ? row.dataset.areas.split(' ') : []);
  });
}
