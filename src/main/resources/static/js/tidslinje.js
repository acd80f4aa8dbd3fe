// Tidslinje: replay a municipality's ego web, or a federation's web (its members, the networks and
// initiatives it convenes and their parties), date by date, and export the whole graph as it stood on the
// chosen date. The web of the subject in the address is asked for at once, alongside the lists for the
// picker, so the first graph does not wait for them.
import {
  initPage, t, el, clear, fill, api, showError, showNotice, loadMunicipalities, formLabel, roleLabel, illustrativeBadge,
  onLangChange, onDateChange, markDataset, param, setParam, asOf, loadOverview,
} from './common.js';
import { egoStyle } from './graph-style.js';

const $ = (id) => document.getElementById(id);
const START = new Date(Date.UTC(2005, 0, 1));
const FORMATS = ['graphml', 'gexf', 'csv', 'bundle', 'json', 'cypher'];
let municipalities = [];
let federations = [];
let cy = null;
let playing = null;
let request = 0;

await initPage('timeline');
const today = new Date();
const months = (today.getUTCFullYear() - 2005) * 12 + today.getUTCMonth();
$('slider').max = String(months + 1); // the last step is today (or the page date)
$('slider').value = $('slider').max;
const first = load();
try {
  [municipalities, federations] = await Promise.all([loadMunicipalities(),
    loadOverview().then((o) => o.federations)]);
} catch (e) { showError($('status'), e); }
fillSubjects();
markDataset($('dataset-mark'));
$('subject').addEventListener('change', () => { setParam('subject', $('subject').value); load(); });
$('slider').addEventListener('input', () => { showDate(); renderExports(); });
$('slider').addEventListener('change', () => load());
$('play').addEventListener('click', () => togglePlay());
onLangChange(() => { fillSubjects(); showDate(); renderExports(); load(); });
onDateChange(() => { markDataset($('dataset-mark')); $('slider').value = $('slider').max; showDate(); renderExports(); load(); });
showDate();
renderExports();
first.then(() => checkExports()); // after the first graph: the check asks the server for an export

/** The chosen subject: the picker's value once it is filled, the address's before. */
function subject() { return $('subject').value || param('subject') || '1496'; }

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

/** The slider's date: month steps from 2005-01-01; the last step is the page date (or today). */
function date() {
  const step = Number($('slider').value);
  if (step >= Number($('slider').max)) return asOf() || new Date().toISOString().slice(0, 10);
  const d = new Date(START);
  d.setUTCMonth(d.getUTCMonth() + step);
  return d.toISOString().slice(0, 10);
}

function showDate() {
  const d = date();
  $('date-out').textContent = d;
  $('slider').setAttribute('aria-valuetext', d);
}

async function load() {
  const chosen = subject();
  const d = date();
  const mine = ++request;
  if (!chosen) { showNotice($('status'), t('timeline.choose')); return; }
  const federation = chosen.startsWith('fed:');
  try {
    if (federation) {
      const web = await api(`/api/analysis/federation-web/${encodeURIComponent(chosen.slice(4))}?asOf=${d}`, { date: false });
      if (mine !== request) return;
      drawFederation(web);
    } else {
      const web = await api(`/api/analysis/web/${encodeURIComponent(chosen)}?depth=1&asOf=${d}`, { date: false });
      if (mine !== request) return;
      drawWeb(web);
    }
    clear($('status'));
  } catch (e) {
    if (mine !== request) return;
    if (cy) { cy.destroy(); cy = null; }
    if (federation && e.status === 404) { // not yet founded, or dissolved, on this date: a fact, not a failure
      clear($('status'));
      fill($('summary'), el('p', { class: 'message notice', role: 'status', text: t('timeline.inactive') }),
        el('p', { class: 'small', text: e.detail }));
      return;
    }
    clear($('summary'));
    showError($('status'), e);
  }
}

function drawWeb(web) {
  const elements = [
    ...web.nodes.map((n) => ({ data: { ...n.data, display: n.data.label + (n.data.host ? ' ★' : '') } })),
    ...web.edges.map((e) => ({ data: { ...e.data, display: roleLabel(e.data.role) } })),
  ];
  draw(elements, 'concentric');
  const bodies = web.nodes.filter((n) => n.data.type === 'body');
  const counts = {};
  bodies.forEach((b) => { counts[b.data.form] = (counts[b.data.form] ?? 0) + 1; });
  fill($('summary'), 
    el('p', { text: t('timeline.webSummary', { name: web.label, date: web.asOf, bodies: bodies.length, partners: web.partners.length }) }),
    el('ul', {}, Object.entries(counts).map(([f, n]) => el('li', { text: `${formLabel(f)}: ${n}` }))),
    bodies.some((b) => b.data.illustrative) ? el('p', {}, illustrativeBadge()) : null,
    bodies.length ? null : el('p', { class: 'message notice', role: 'status', text: t('timeline.empty') }));
}

function drawFederation(web) {
  draw([
    ...web.nodes.map((n) => ({ data: { ...n.data, display: n.data.label + (n.data.host ? ' ★' : '') } })),
    ...web.edges.map((e) => ({ data: { ...e.data, display: roleLabel(e.data.role) } })),
  ], 'concentric');
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
      ? el('ul', { id: 'fed-convened' }, convened.map((b) => el('li', {}, `${b.label} (${formLabel(b.form)}, ${t('timeline.parties', { n: partiesOf(b.id) })})`,
        b.illustrative ? illustrativeBadge() : null)))
      : el('p', { class: 'small', text: t('common.none') }),
    Object.keys(counts).length ? el('ul', {}, Object.entries(counts).map(([f, n]) => el('li', { text: `${formLabel(f)}: ${n}` }))) : null);
}

function draw(elements, layout) {
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $('graph'), elements, style: egoStyle(),
    layout: { name: layout, concentric: (n) => 3 - (n.data('distance') ?? 1), levelWidth: () => 1, minNodeSpacing: 14, animate: false },
  });
  window.samverkansvavenGraph = cy;
}

function togglePlay() {
  if (playing) {
    clearInterval(playing);
    playing = null;
    $('play').textContent = t('timeline.play');
    return;
  }
  if (Number($('slider').value) >= Number($('slider').max)) $('slider').value = '0';
  $('play').textContent = t('timeline.pause');
  playing = setInterval(() => {
    const next = Math.min(Number($('slider').max), Number($('slider').value) + 12);
    $('slider').value = String(next);
    showDate();
    renderExports();
    load();
    if (next >= Number($('slider').max)) togglePlay();
  }, 1200);
}

function renderExports() {
  const d = date();
  fill($('exports'), ...FORMATS.map((f) => el('a', {
    href: `/api/snapshots?asOf=${d}&format=${f}`, download: '', text: t('timeline.format.' + f),
  })));
}

/** Exports are served by /api/snapshots; say so plainly when this server does not offer them. */
async function checkExports() {
  try {
    // only the federations: enough to know the export answers, without building the whole country's
    const response = await fetch(`/api/snapshots?asOf=${date()}&format=json&forms=FEDERATION`, { method: 'HEAD' });
    if (!response.ok) {
      fill($('export-status'), el('p', { class: 'message error', role: 'alert', id: 'exports-unavailable' },
        t('timeline.exportUnavailable', { status: response.status })));
    }
  } catch (e) {
    fill($('export-status'), el('p', { class: 'message error', role: 'alert', text: t('error.network') }));
  }
}
