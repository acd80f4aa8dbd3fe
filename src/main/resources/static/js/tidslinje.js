// Tidslinje: replay a municipality's ego web, or a federation's web (its members, the networks and
// initiatives it convenes and their parties), month by month up to the page date; compare two dates with the
// changes marked in the graph; export the graph as it stood on the date (GEXF: the window between the two
// dates, or that one day). The subject, the date and the comparison date are in the address.
import {
  initPage, t, el, clear, fill, api, showError, loadMunicipalities, formLabel, roleLabel, illustrativeBadge,
  onLangChange, onDateChange, onHistory, markDataset, param, setView, asOf, loadOverview, withRealOnly,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage } from './coverage.js';
import {
  egoStyle, webElements, webLegend, renderLegend, ringLayout, hideOverlappingLabels, downloadButtons, fileName,
} from './graph.js';

const $ = (id) => document.getElementById(id);
const START = '2005-01-01';
const FORMATS = ['graphml', 'gexf', 'csv', 'bundle', 'json', 'cypher'];
let municipalities = [];
let federations = [];
let cy = null;
let playing = null;
let request = 0;
let steps = [];
let shown = null; // {web, before, federation}

await initPage('timeline');
buildSteps();
readAddress();
const first = load();
try {
  [municipalities, federations] = await Promise.all([loadMunicipalities(),
    loadOverview().then((o) => o.federations)]);
} catch (e) { showError($('status'), e); }
fillSubjects();
markDataset($('dataset-mark'));
$('subject').addEventListener('change', () => { setView({ subject: $('subject').value }, { push: true }); load(); });
$('slider').addEventListener('input', () => { $('date-box').value = steps[Number($('slider').value)]; renderExports(); });
$('slider').addEventListener('change', () => choose(steps[Number($('slider').value)]));
$('step-back').addEventListener('click', () => step(-1));
$('step-forward').addEventListener('click', () => step(1));
$('date-box').addEventListener('change', () => { if (validDate($('date-box').value)) choose($('date-box').value); });
$('since-box').addEventListener('change', () => {
  const since = $('since-box').value;
  if (since && !validDate(since)) return;
  setView({ since }, { push: true });
  load();
});
$('play').addEventListener('click', () => togglePlay());
onLangChange(() => { fillSubjects(); renderScale(); renderExports(); if (shown) draw(shown); });
onDateChange(() => { markDataset($('dataset-mark')); buildSteps(); readAddress(); load(); });
onHistory(() => { buildSteps(); readAddress(); fillSubjects(); load(); });
first.then(() => checkExports()); // after the first graph: the check asks the server for an export

/** The last day of the timeline: the page date, or today. */
function end() { return asOf() || new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()); }

function validDate(d) { return /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= START && d <= end(); }

/**
 * The slider's steps: the first of every month from 2005-01 to the month of the page date, then the page date
 * itself when it is not a first of the month. Counted from the page date, never from today, so the step
 * before the last is the month before the page date.
 */
function buildSteps() {
  const last = end();
  steps = [];
  const d = new Date(START + 'T00:00:00Z');
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > last) break;
    steps.push(iso);
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  if (steps[steps.length - 1] !== last) steps.push(last);
  $('slider').max = String(steps.length - 1);
  $('date-box').max = last;
  $('since-box').max = last;
  renderScale();
}

/** Year marks under the slider, so a month can be found. */
function renderScale() {
  const years = steps.map((s, i) => [s, i]).filter(([s]) => s.endsWith('-01-01') && Number(s.slice(0, 4)) % 5 === 0);
  fill($('slider-scale'), years.map(([s, i]) => el('span', {
    style: `left:${(100 * i) / Math.max(1, steps.length - 1)}%`, text: s.slice(0, 4) })));
}

/** The shown date: from the address, the page date when absent. */
function date() {
  const at = param('at');
  return at && validDate(at) ? at : end();
}

function since() {
  const s = param('since');
  return s && validDate(s) ? s : '';
}

function readAddress() {
  const d = date();
  $('date-box').value = d;
  $('since-box').value = since();
  $('slider').value = String(stepOf(d));
  $('slider').setAttribute('aria-valuetext', d);
  if (federations.length || municipalities.length) $('subject').value = subject();
  renderExports();
}

/** The last step on or before the date. */
function stepOf(d) {
  let index = 0;
  steps.forEach((s, i) => { if (s <= d) index = i; });
  return index;
}

function choose(d, { push = true } = {}) {
  setView({ at: d === end() ? null : d }, { push });
  readAddress();
  load();
}

function step(delta) {
  const d = date();
  const i = stepOf(d);
  // Back from a date inside a month goes to that month's first day; otherwise one month.
  const target = delta < 0 && steps[i] !== d ? i : Math.min(steps.length - 1, Math.max(0, i + delta));
  choose(steps[target]);
}

/** The chosen subject: the address's, else Skövde. */
function subject() { return param('subject') || $('subject').value || '1496'; }

function fillSubjects() {
  const select = $('subject');
  const chosen = subject();
  fill(select,
    el('optgroup', { label: t('timeline.federations') }, federations.map((f) =>
      el('option', { value: 'fed:' + f.id, text: f.name + (f.illustrative ? ' – ' + t('illustrative.badge') : '') }))),
    el('optgroup', { label: t('timeline.municipalities') }, municipalities.map((m) =>
      el('option', { value: m.code, text: `${m.name} (${m.code})` }))));
  select.value = chosen;
  if (!select.value && select.options.length) select.selectedIndex = 0;
}

async function web(chosen, d) {
  if (chosen.startsWith('fed:')) {
    return api(`/api/analysis/federation-web/${encodeURIComponent(chosen.slice(4))}?asOf=${d}`, { date: false });
  }
  return api(`/api/analysis/web/${encodeURIComponent(chosen)}?depth=1&asOf=${d}`, { date: false });
}

async function load() {
  const chosen = subject();
  const d = date();
  const s = since();
  const mine = ++request;
  const federation = chosen.startsWith('fed:');
  renderExports();
  // The earlier web is only for marking changes: a federation not yet founded then has an empty one.
  const before = s ? web(chosen, s).catch((e) => (e.status === 404 ? { nodes: [], edges: [] } : Promise.reject(e))) : null;
  try {
    const [now, then] = await Promise.all([web(chosen, d), before]);
    if (mine !== request) return;
    shown = { web: now, before: then, federation };
    clear($('status'));
    draw(shown);
    const scope = federation ? 'federation:' + chosen.slice(4) : 'codes:' + chosen;
    coverageFor(now, { scope, forms: now.forms ?? null, asOf: d })
      .then((cov) => { if (mine === request) showCoverage(cov); }, () => clearCoverage());
  } catch (e) {
    if (mine !== request) return;
    if (cy) { cy.destroy(); cy = null; }
    shown = null;
    clearCoverage();
    clear($('changes-summary'));
    if (federation && e.status === 404) { // not yet founded, or dissolved, on this date: a fact, not a failure
      clear($('status'));
      fill($('summary'), el('p', { class: 'message notice', role: 'status', i18n: 'timeline.inactive' }),
        el('p', { class: 'small', text: e.detail }));
      return;
    }
    clear($('summary'));
    showError($('status'), e);
  }
}

/** The graph on the date; with a comparison date, what came since marked green and what went drawn faded red. */
function draw({ web: now, before, federation }) {
  const elements = webElements(now);
  let added = [];
  let removed = [];
  if (before) {
    const nodesBefore = new Set(before.nodes.map((n) => n.data.id));
    const nodesNow = new Set(now.nodes.map((n) => n.data.id));
    added = now.nodes.filter((n) => !nodesBefore.has(n.data.id)).map((n) => n.data);
    removed = before.nodes.filter((n) => !nodesNow.has(n.data.id)).map((n) => n.data);
    elements.forEach((e) => {
      if (e.group === 'nodes' && !nodesBefore.has(e.data.id)) e.classes = 'changed-added';
    });
    const ghosts = webElements({ nodes: before.nodes.filter((n) => !nodesNow.has(n.data.id)), edges: [] });
    ghosts.forEach((g) => { g.classes = 'changed-removed'; g.data = { ...g.data, ghost: true }; });
    const ids = new Set([...nodesNow, ...removed.map((r) => r.id)]);
    const ghostEdges = webElements({ nodes: [], edges: before.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target)
      && (!nodesNow.has(e.data.source) || !nodesNow.has(e.data.target))) });
    ghostEdges.forEach((g) => { g.classes = 'changed-removed'; g.data = { ...g.data, id: 'was:' + g.data.id }; });
    elements.push(...ghosts, ...ghostEdges);
  }
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $('graph'), elements, layout: { name: 'preset' }, minZoom: 0.1, maxZoom: 3,
    style: [...egoStyle(), { selector: '[?ghost]', style: { opacity: 0.45, 'border-style': 'dashed' } },
      { selector: 'edge.changed-removed', style: { 'line-color': '#a4161a', 'line-style': 'dashed', opacity: 0.5 } }],
  });
  // A federation's members on the first ring, the networks and initiatives it convenes outside them, and
  // their other parties outermost: lines run outwards instead of across the centre.
  ringLayout(cy, federation ? (n) => (n.data('type') === 'body' && n.data('distance') === 1 ? 2 : n.data('distance') === 2 ? 3 : n.data('distance')) : undefined);
  hideOverlappingLabels(cy);
  cy.fit(undefined, 12);
  window.samverkansvavenGraph = cy;
  const forms = [...new Set(now.nodes.filter((n) => n.data.type === 'body').map((n) => n.data.form))];
  const legend = webLegend(forms, { ego: federation ? 'none' : 'municipality',
    roles: federation ? ['MEMBER', 'PARTICIPANT', 'CONVENER'] : ['HOST', 'MEMBER', 'PARTICIPANT'], changes: !!before });
  renderLegend($('legend'), legend);
  downloadButtons($('graph-tools'), () => ({
    cy, name: fileName('tidslinje', now.label, now.asOf), legend,
    title: t('graph.webTitle', { name: now.label }),
    subtitle: before ? t('timeline.pictureCompared', { date: now.asOf, since: since() }) : t('timeline.pictureDate', { date: now.asOf }),
  }));
  renderChanges(before ? { added, removed } : null);
  if (federation) summariseFederation(now); else summariseWeb(now);
}

function renderChanges(changes) {
  const box = $('changes-summary');
  if (!changes) { clear(box); return; }
  const item = (n) => el('li', {}, el('span', { translate: 'no', text: n.label }), n.type === 'body' ? ` (${formLabel(n.form)})` : '', n.illustrative ? illustrativeBadge() : null);
  fill(box, el('h3', { i18n: 'timeline.changesHeading', vars: { since: since(), date: date() } }),
    changes.added.length || changes.removed.length ? null : el('p', { i18n: 'timeline.noChanges' }),
    changes.added.length ? [el('p', { class: 'change-added', i18n: 'timeline.added', vars: { n: changes.added.length } }),
      el('ul', { id: 'changes-added' }, changes.added.map(item))] : null,
    changes.removed.length ? [el('p', { class: 'change-removed', i18n: 'timeline.removed', vars: { n: changes.removed.length } }),
      el('ul', { id: 'changes-removed' }, changes.removed.map(item))] : null);
}

function summariseWeb(web) {
  const bodies = web.nodes.filter((n) => n.data.type === 'body');
  const counts = {};
  bodies.forEach((b) => { counts[b.data.form] = (counts[b.data.form] ?? 0) + 1; });
  fill($('summary'),
    el('p', { text: t('timeline.webSummary', { name: web.label, date: web.asOf, bodies: bodies.length, partners: web.partners.length }) }),
    el('ul', {}, Object.entries(counts).map(([f, n]) => el('li', { text: `${formLabel(f)}: ${n}` }))),
    bodies.some((b) => b.data.illustrative) ? el('p', {}, illustrativeBadge()) : null,
    bodies.length ? null : el('p', { class: 'message notice', role: 'status', i18n: 'timeline.empty' }));
}

function summariseFederation(web) {
  const byId = Object.fromEntries(web.nodes.map((n) => [n.data.id, n.data]));
  const members = web.edges.filter((e) => e.data.target === web.id).map((e) => ({ ...byId[e.data.source], role: e.data.role }));
  const convened = web.convened.map((id) => byId[id]);
  const counts = {};
  convened.forEach((b) => { counts[b.form] = (counts[b.form] ?? 0) + 1; });
  const partiesOf = (id) => web.edges.filter((e) => e.data.target === id).length;
  fill($('summary'),
    el('p', {}, t('timeline.fedWebSummary', { name: web.label, date: web.asOf, n: web.members, bodies: convened.length,
      nodes: web.nodes.length }), web.illustrative ? illustrativeBadge() : null),
    el('h3', { text: t('timeline.members') }),
    el('ul', { id: 'fed-members' }, members.map((p) => el('li', { text: `${p.label} – ${roleLabel(p.role)}` }))),
    el('h3', { text: t('timeline.convened') }),
    convened.length
      ? el('ul', { id: 'fed-convened' }, convened.map((b) => el('li', {}, el('span', { translate: 'no', text: b.label }), ` (${formLabel(b.form)}, ${t('timeline.parties', { n: partiesOf(b.id) })})`,
        b.illustrative ? illustrativeBadge() : null)))
      : el('p', { class: 'small', text: t('common.none') }),
    Object.keys(counts).length ? el('ul', {}, Object.entries(counts).map(([f, n]) => el('li', { text: `${formLabel(f)}: ${n}` }))) : null);
}

function togglePlay() {
  if (playing) {
    clearInterval(playing);
    playing = null;
    $('play').dataset.i18n = 'timeline.play';
    $('play').textContent = t('timeline.play');
    return;
  }
  if (stepOf(date()) >= steps.length - 1) choose(steps[0], { push: false });
  $('play').dataset.i18n = 'timeline.pause';
  $('play').textContent = t('timeline.pause');
  playing = setInterval(() => {
    const next = Math.min(steps.length - 1, stepOf(date()) + 12);
    choose(steps[next], { push: false });
    if (next >= steps.length - 1) togglePlay();
  }, 1200);
}

/** The export links: every format as the graph stood on the date; GEXF the window between the two dates. */
function renderExports() {
  const d = $('date-box').value || date();
  const s = since();
  const next = (x) => { const n = new Date(x + 'T00:00:00Z'); n.setUTCDate(n.getUTCDate() + 1); return n.toISOString().slice(0, 10); };
  const [from, to] = s ? (s < d ? [s, d] : [d, s]) : [d, d];
  fill($('export-lead'), s
    ? t('timeline.exportLeadWindow', { date: d, from, to })
    : t('timeline.exportLeadDate', { date: d }));
  fill($('exports'), ...FORMATS.map((f) => el('a', {
    // with the real-data switch on, the file is as real-only as the page (illustrative=false)
    href: withRealOnly(f === 'gexf' ? `/api/snapshots?format=gexf&from=${from}&to=${next(to)}` : `/api/snapshots?asOf=${d}&format=${f}`),
    download: '', dataset: { format: f },
    text: f === 'gexf' ? t(s ? 'timeline.gexfWindow' : 'timeline.gexfDate', { from, to, date: d }) : t('timeline.format.' + f),
  })));
}

/** Exports are served by /api/snapshots; say so plainly when this server does not offer them. */
async function checkExports() {
  try {
    // only the federations: enough to know the export answers, without building the whole country's
    const response = await fetch(withRealOnly(`/api/snapshots?asOf=${date()}&format=json&forms=FEDERATION`), { method: 'HEAD' });
    if (!response.ok) {
      fill($('export-status'), el('p', { class: 'message error', role: 'alert', id: 'exports-unavailable' },
        t('timeline.exportUnavailable', { status: response.status })));
    }
  } catch (e) {
    fill($('export-status'), el('p', { class: 'message error', role: 'alert', i18n: 'error.network' }));
  }
}
