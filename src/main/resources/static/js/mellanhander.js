// Mellanhänder: who connects the others in a county or a federation. Centrality and brokerage per
// municipality (betweenness, partners, Burt's constraint and effective size, articulation points) in a table
// sortable by any column, the bridges, and the groups that cooperate closely (communities), each measure
// explained in plain words. Scope and order are kept in the address.
import {
  initPage, t, el, fill, api, showError, showLoading, showNoticeKey, loadCatalogue, loadMunicipalities, loadOverview,
  fillSelect, formatNumber, onLangChange, onDateChange, onHistory, markDataset, param, setView, sortableTable, pageLink,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage, itemBadge } from './coverage.js';

const $ = (id) => document.getElementById(id);
const MEASURES = ['betweenness', 'degree', 'constraint', 'effectiveSize', 'articulation', 'bridge', 'community'];
let cat = null;
let names = {};
let federations = [];
let result = null;

await initPage('brokers');
try {
  const [catalogue, municipalities, overview, actors] = await Promise.all([loadCatalogue(), loadMunicipalities(),
    loadOverview(), api('/api/actors', { date: false })]);
  cat = catalogue;
  federations = overview.federations;
  names = Object.fromEntries([...municipalities.map((m) => [m.code, m.name]), ...actors.map((a) => [a.id, a.name])]);
} catch (e) { showError($('status'), e); }
fillControls();
readAddress();
explain();
markDataset($('dataset-mark'));
$('scope-kind').addEventListener('change', () => { syncFields(); changeScope(); });
$('county').addEventListener('change', () => changeScope());
$('federation').addEventListener('change', () => changeScope());
$('controls').addEventListener('submit', (e) => e.preventDefault());
onLangChange(() => { fillControls(); explain(); render(); });
onDateChange(async () => {
  markDataset($('dataset-mark'));
  try { federations = (await loadOverview()).federations; fillControls(); } catch (e) { /* shown by load */ }
  load();
});
onHistory(() => { readAddress(); load(); });
load();

function fillControls() {
  fillSelect($('county'), (cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` })));
  fillSelect($('federation'), federations.map((f) => ({ value: f.id,
    text: `${f.name}${f.illustrative ? ' – ' + t('illustrative.badge') : ''}` })));
}

function readAddress() {
  const scope = param('scope') ?? 'county:14';
  if (scope.startsWith('federation:')) { $('scope-kind').value = 'federation'; $('federation').value = scope.slice(11); }
  else if (scope === 'all') $('scope-kind').value = 'all';
  else { $('scope-kind').value = 'county'; $('county').value = scope.slice(7); }
  syncFields();
}

function syncFields() {
  $('county-field').hidden = $('scope-kind').value !== 'county';
  $('federation-field').hidden = $('scope-kind').value !== 'federation';
}

function scope() {
  const kind = $('scope-kind').value;
  if (kind === 'county') return 'county:' + $('county').value;
  if (kind === 'federation') return 'federation:' + $('federation').value;
  return 'all';
}

function changeScope() {
  setView({ scope: scope() }, { push: true });
  load();
}

function explain() {
  fill($('explanations'), MEASURES.flatMap((m) => [el('dt', { i18n: 'brokers.m.' + m }), el('dd', { i18n: 'brokers.m.' + m + '.explain' })]));
}

async function load() {
  const s = scope();
  showLoading($('status'));
  try {
    const [centrality, communities] = await Promise.all([
      api('/api/analysis/centrality?scope=' + encodeURIComponent(s)),
      api('/api/analysis/communities?scope=' + encodeURIComponent(s))]);
    result = { centrality, communities };
    fill($('status'));
    showCoverage(await coverageFor(centrality, { scope: s, forms: centrality.forms ?? null }).catch(() => null),
      { restsOn: centrality.restsOnIllustrative || communities.restsOnIllustrative });
  } catch (e) {
    result = null;
    clearCoverage();
    showError($('status'), e);
    ['brokers', 'bridges', 'groups', 'summary'].forEach((id) => fill($(id)));
    return;
  }
  render();
}

function name(id) { return names[id] ?? id; }

function render() {
  if (!result) return;
  const { centrality, communities } = result;
  const group = {};
  communities.communities.forEach((g, i) => g.forEach((id) => { group[id] = i + 1; }));
  const bridges = {};
  centrality.bridges.forEach((b) => { bridges[b.source] = (bridges[b.source] ?? 0) + 1; bridges[b.target] = (bridges[b.target] ?? 0) + 1; });
  fill($('summary'), t('brokers.summary', { n: centrality.vertexCount, edges: centrality.edgeCount, date: centrality.asOf,
    without: centrality.withoutCooperation.length }),
  centrality.withoutCooperation.length ? ' ' + t('brokers.without', { list: centrality.withoutCooperation.map(name).join(', ') }) : '');
  const rows = centrality.vertices.map((v) => ({ ...v, name: name(v.id), bridges: bridges[v.id] ?? 0, group: group[v.id] ?? null }));
  if (!rows.length) { showNoticeKey($('brokers'), 'common.nothing'); } else {
    fill($('brokers'), sortableTable({
      id: 'broker-table', rows, sort: param('sort') ?? 'betweenness:desc',
      onSort: (sort) => { setView({ sort }, { push: true }); render(); },
      rowAttrs: (r) => ({ dataset: { id: r.id } }),
      columns: [
        { key: 'name', label: 'common.municipality', cell: (r) => el('span', {}, /^\d+$/.test(r.id)
          ? el('a', { href: pageLink('index.html', { code: r.id }), text: r.name }) : r.name, itemBadge(r)) },
        // Betweenness 0 is no broker role, not the last rank.
        { key: 'betweenness', label: 'brokers.m.betweenness', num: true, cell: (r) => (r.brokerRole === false || r.betweenness === 0
          ? `${formatNumber(r.betweenness, 3)} (${t('web.noBrokerRoleShort')})` : `${formatNumber(r.betweenness, 3)} (${r.ranks.betweenness})`) },
        { key: 'degree', label: 'brokers.m.degree', num: true },
        { key: 'constraint', label: 'brokers.m.constraint', num: true, cell: (r) => formatNumber(r.constraint, 3) },
        { key: 'effectiveSize', label: 'brokers.m.effectiveSize', num: true, cell: (r) => formatNumber(r.effectiveSize, 2) },
        { key: 'articulationPoint', label: 'brokers.m.articulation', value: (r) => (r.articulationPoint ? 1 : 0),
          cell: (r) => (r.articulationPoint ? t('common.yes') : t('common.no')) },
        { key: 'bridges', label: 'brokers.m.bridge', num: true },
        { key: 'group', label: 'brokers.m.community', num: true, cell: (r) => (r.group ? String(r.group) : '–') },
      ],
    }));
  }
  fill($('bridges'), centrality.bridges.length
    ? el('ul', { id: 'bridge-list' }, centrality.bridges.map((b) => el('li', {},
      t('brokers.bridge', { a: name(b.source), b: name(b.target), n: formatNumber(b.weight, 0) }))))
    : el('p', { i18n: 'brokers.noBridges' }));
  fill($('groups-lead'), t('brokers.groupsLead', { n: communities.communities.length, modularity: formatNumber(communities.modularity, 3) }));
  fill($('groups'), el('ol', { class: 'community-list', id: 'group-list' }, communities.communities.map((g) =>
    el('li', {}, [...g].map(name).sort((a, b) => a.localeCompare(b, 'sv')).join(', ')))));
}
