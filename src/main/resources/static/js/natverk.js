// Nätverk: the grid sector × level of professional networks, existing ties drawn solid and suggested
// (unlinked, Adamic–Adar-scored) pairs dashed, each suggestion explained by what the two share. A scope (a
// county, a federation) limits the grid and the suggestions to its networks. The levels and pair classes
// come from the API; the scope, classes, number of suggestions and the selected pair are in the address.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, showLoading, loadCatalogue, loadMunicipalities,
  sectorName, areaName, levelLabel, formatNumber, formatPercent, illustrativeBadge, onLangChange, onDateChange,
  onHistory, markDataset, param, listParam, setView, fillSelect, loadOverview,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage, itemBadge } from './coverage.js';
import { renderLegend, downloadButtons, fileName, hideOverlappingLabels } from './graph.js';

const $ = (id) => document.getElementById(id);
const CELL_W = 190;
const CELL_H = 130;
let cat = null;
let names = {};
let grid = null;
let links = null;
let cy = null;
let federations = [];
const bodyNames = {};
const goalNames = {};

await initPage('networks');
readScope();
// The grid and the suggestions are asked at once, beside the catalogue; drawn once both are in.
const lists = Promise.all([loadCatalogue(), loadMunicipalities(), loadOverview().catch(() => ({ federations: [] }))])
  .then(([catalogue, municipalities, overview]) => {
    cat = catalogue;
    names = Object.fromEntries(municipalities.map((m) => [m.code, m.name]));
    federations = overview.federations ?? [];
  });
load();
try { await lists; } catch (e) { showError($('status'), e); }
fillScopes();
markDataset($('dataset-mark'));
$('classes').addEventListener('change', () => { setView({ classes: classesParam(), pair: null }, { push: true }); load(); });
$('top').addEventListener('change', () => { setView({ top: $('top').value === '15' ? null : $('top').value }); render(); loadGoalNames(); });
$('scope-kind').addEventListener('change', () => { syncScopeFields(); changeScope(); });
$('county').addEventListener('change', () => changeScope());
$('federation').addEventListener('change', () => changeScope());
$('controls').addEventListener('submit', (e) => e.preventDefault());
onLangChange(() => { fillScopes(); render(); });
onDateChange(() => { markDataset($('dataset-mark')); load(); });
onHistory(() => { readScope(); fillScopes(); load(); });

function readScope() {
  const scope = param('scope') ?? '';
  $('scope-kind').value = scope.startsWith('county:') ? 'county' : scope.startsWith('federation:') ? 'federation' : 'all';
  $('top').value = param('top') ?? '15';
  syncScopeFields();
}

function fillScopes() {
  fillSelect($('county'), (cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` })));
  fillSelect($('federation'), federations.map((f) => ({ value: f.id,
    text: `${f.name}${f.illustrative ? ' – ' + t('illustrative.badge') : ''}` })));
  const scope = param('scope') ?? '';
  if (scope.startsWith('county:')) $('county').value = scope.slice(7);
  if (scope.startsWith('federation:')) $('federation').value = scope.slice(11);
  const wanted = listParam('classes') ?? ['DIAGONAL'];
  const classes = grid?.pairClasses ?? wanted;
  if ($('classes').querySelectorAll('input').length !== classes.length) {
    $('classes').querySelectorAll('label').forEach((l) => l.remove());
    classes.forEach((c) => $('classes').append(el('label', { for: 'class-' + c },
      el('input', { type: 'checkbox', id: 'class-' + c, value: c, checked: wanted.includes(c) }), el('span', { i18n: 'pairClass.' + c }))));
  } else {
    $('classes').querySelectorAll('input').forEach((i) => { i.checked = wanted.includes(i.value); });
  }
}

function syncScopeFields() {
  $('county-field').hidden = $('scope-kind').value !== 'county';
  $('federation-field').hidden = $('scope-kind').value !== 'federation';
}

function scope() {
  const kind = $('scope-kind').value;
  if (kind === 'county' && $('county').value) return 'county:' + $('county').value;
  if (kind === 'federation' && $('federation').value) return 'federation:' + $('federation').value;
  if (kind === 'all') return '';
  return param('scope') ?? '';
}

function changeScope() {
  setView({ scope: scope(), pair: null, network: null }, { push: true });
  load();
}

function classesParam() {
  const chosen = classes();
  return chosen.length === 1 && chosen[0] === 'DIAGONAL' ? null : chosen.join(',') || 'none';
}

function classes() {
  const inputs = [...$('classes').querySelectorAll('input')];
  if (!inputs.length) return (listParam('classes') ?? ['DIAGONAL']).filter((c) => c !== 'none');
  return inputs.filter((i) => i.checked).map((i) => i.value);
}

async function load() {
  showLoading($('status'));
  const chosen = classes();
  try {
    const scoped = param('scope') ? '&scope=' + encodeURIComponent(param('scope')) : '';
    [grid, links] = await Promise.all([api('/api/analysis/network-grid?' + scoped.slice(1)),
      chosen.length ? api('/api/analysis/diagonal-links?classes=' + chosen.join(',') + scoped) : Promise.resolve({ pairs: [], conveners: [] })]);
    await lists.catch(() => {}); // sector names for the axes
  } catch (e) {
    grid = null;
    clearCoverage();
    showError($('status'), e);
    if (cy) { cy.destroy(); cy = null; }
    ['pairs', 'conveners'].forEach((id) => clear($(id)));
    return;
  }
  clear($('status'));
  // Networks are convened: the scope's municipalities are covered for networks or not (a scope of the
  // municipality kinds; another kind of scope asks for the country).
  const scope = /^(all|county:|federation:|codes:)/.test(param('scope') ?? '') ? param('scope') : 'all';
  coverageFor(links?.coverage ? links : grid, { scope, forms: grid.forms ?? ['NETWORK'] })
    .then((cov) => showCoverage(cov), () => clearCoverage());
  grid.networks.forEach((n) => { bodyNames[n.id] = n.name; });
  (links?.conveners ?? []).forEach((c) => { bodyNames[c.convener] = c.label ?? c.convener; });
  if (!grid.networks.length) showNoticeKey($('status'), 'networks.none', { date: grid.asOf });
  fillScopes();
  render();
  loadGoalNames();
}

/**
 * Goal names are in a network's details. Only the networks of the suggestions shown that share a goal are
 * asked, once each and after the first render: asking every network (hundreds at the size of Sweden) kept
 * the server busy while the page was drawing. The table shows goal ids until the names arrive.
 */
async function loadGoalNames() {
  goalNames.__asked ??= new Set();
  const wanted = new Set();
  suggestions().filter((p) => p.sharedGoals.length).forEach((p) => { wanted.add(p.a.id); wanted.add(p.b.id); });
  const missing = [...wanted].filter((id) => !goalNames.__asked.has(id)).map((id) => ({ id }));
  if (!missing.length) return;
  missing.forEach((n) => goalNames.__asked.add(n.id));
  const results = await Promise.allSettled(missing.map((n) => api(`/api/bodies/${encodeURIComponent(n.id)}`)));
  let found = false;
  results.forEach((r, i) => {
    if (r.status !== 'fulfilled') { goalNames.__asked.delete(missing[i].id); return; }
    (r.value.goals ?? []).forEach((g) => { if (!goalNames[g.id]) { goalNames[g.id] = g.name; found = true; } });
    (r.value.conveners ?? []).forEach((c) => { if (c.name) bodyNames[c.party] = c.name; });
  });
  if (found) renderPairs();
}

function suggestions() {
  const top = Math.max(1, Number($('top').value) || 15);
  return (links?.pairs ?? []).slice(0, top);
}

function render() {
  if (!grid) return;
  const scopeText = grid.scope && grid.scope !== 'all' ? scopeLabel(grid.scope) : null;
  fill($('scope-note'), scopeText ? t('networks.scopeNote', { scope: scopeText, n: grid.networks.length }) : '');
  renderLegend($('legend'), legend());
  renderGraph();
  renderPairs();
  renderConveners();
  const pair = param('pair');
  const chosen = pair && suggestions().find((p) => `${p.a.id}~${p.b.id}` === pair);
  if (chosen) selectPair(chosen, { keep: true });
  const network = param('network') && grid.networks.find((n) => n.id === param('network'));
  if (network) explainNetwork(network);
}

function scopeLabel(text) {
  if (text.startsWith('federation:')) return federations.find((f) => f.id === text.slice(11))?.name ?? text.slice(11);
  if (text.startsWith('county:')) return cat?.counties.find((c) => c.code === text.slice(7))?.name ?? text;
  return text;
}

function legend() {
  return [
    { kind: 'round', colour: '#b0306a', text: t('networks.legendNetwork') },
    { kind: 'line', colour: '#12355b', width: 3, text: t('networks.legendLinked') },
    { kind: 'dashline', colour: '#d35400', text: t('networks.legendSuggested') },
    { kind: 'dashed', colour: '#8a5a00', text: t('illustrative.legend') },
  ];
}

function renderGraph() {
  if (cy) cy.destroy();
  const sectors = [...new Set(grid.networks.map((n) => n.sector))]
    .sort((a, b) => (cat?.sectors.findIndex((s) => s.id === a) ?? 0) - (cat?.sectors.findIndex((s) => s.id === b) ?? 0));
  const cells = {};
  grid.networks.forEach((n) => { (cells[`${n.sector}|${n.level}`] ??= []).push(n); });
  const elements = [];
  // A phone (a tall, narrow box) gets the grid turned: sectors down, levels across, so it is not a thin
  // strip across the top of the box.
  const box = $('graph');
  const portrait = box.clientWidth < box.clientHeight;
  const at = (i, j) => (portrait ? { x: 90 + j * CELL_W * 0.8, y: 80 + i * CELL_H } : { x: 90 + i * CELL_W, y: 80 + j * CELL_H });
  sectors.forEach((s, i) => elements.push({ group: 'nodes', classes: 'axis',
    data: { id: 'axis-s-' + s, display: sectorName(cat, s) },
    position: portrait ? { x: -40, y: 80 + i * CELL_H } : { x: 90 + i * CELL_W, y: 0 } }));
  const levels = grid.levels;
  levels.forEach((l, j) => elements.push({ group: 'nodes', classes: 'axis level',
    data: { id: 'axis-l-' + l, display: levelLabel(l) },
    position: portrait ? { x: 90 + j * CELL_W * 0.8, y: 0 } : { x: -40, y: 80 + j * CELL_H } }));
  Object.values(cells).forEach((members) => members.forEach((n, k) => {
    const cell = at(sectors.indexOf(n.sector), levels.indexOf(n.level));
    const offset = (k - (members.length - 1) / 2) * 34;
    elements.push({ group: 'nodes', data: { id: n.id, display: short(n.name), network: n, illustrative: n.illustrative },
      position: { x: cell.x + offset * 0.6, y: cell.y + offset * (portrait ? 0.5 : 1) } });
  }));
  grid.ties.forEach((tie) => elements.push({ group: 'edges', classes: 'tie',
    data: { id: `tie-${tie.a}-${tie.b}`, source: tie.a, target: tie.b, tie } }));
  suggestions().forEach((p, index) => {
    if (!grid.networks.some((n) => n.id === p.a.id) || !grid.networks.some((n) => n.id === p.b.id)) return;
    elements.push({ group: 'edges', classes: 'suggested',
      data: { id: `pair-${p.a.id}-${p.b.id}`, source: p.a.id, target: p.b.id, pair: p, index, width: 1 + Math.min(5, p.score / 3) } });
  });
  cy = cytoscape({
    container: $('graph'), elements, layout: { name: 'preset', padding: 20 }, autoungrabify: false,
    style: [
      // On a phone the grid is drawn at about half size: larger type keeps the labels readable.
      { selector: 'node', style: { label: 'data(display)', 'font-size': portrait ? 17 : 10, 'text-wrap': 'wrap',
        'text-max-width': portrait ? 140 : 120, 'background-color': '#b0306a', width: portrait ? 24 : 16,
        height: portrait ? 24 : 16, 'text-valign': 'bottom', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      // With hundreds of networks (Sweden) their labels overlap at the fitted zoom: they appear on zooming in,
      // which also spares drawing them all on load. The axes keep their labels.
      ...(grid.networks.length > 60 ? [{ selector: 'node[network]', style: { 'min-zoomed-font-size': 7 } }] : []),
      { selector: 'node[?illustrative]', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#8a5a00' } },
      { selector: 'node.axis', style: { 'background-opacity': 0, 'border-width': 0, 'font-size': portrait ? 20 : 11, 'font-weight': 'bold',
        'text-valign': 'center', events: 'no', 'text-max-width': 150 } },
      { selector: 'edge', style: { 'curve-style': 'bezier' } },
      { selector: 'edge.tie', style: { 'line-color': '#12355b', width: 2.5 } },
      { selector: 'edge.suggested', style: { 'line-color': '#d35400', 'line-style': 'dashed', width: 'data(width)', opacity: 0.85 } },
      { selector: ':selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.4, 'overlay-padding': 5 } },
    ],
  });
  cy.on('tap', 'edge.suggested', (e) => selectPair(e.target.data('pair')));
  cy.on('tap', 'edge.tie', (e) => explainTie(e.target.data('tie')));
  cy.on('tap', 'node', (e) => {
    if (!e.target.data('network')) return;
    setView({ network: e.target.id(), pair: null });
    explainNetwork(e.target.data('network'));
  });
  hideOverlappingLabels(cy);
  cy.fit(undefined, 20);
  window.samverkansvavenGraph = cy;
  downloadButtons($('graph-tools'), () => ({
    cy, legend: legend(), name: fileName('natverk', grid.scope !== 'all' ? grid.scope : '', grid.asOf),
    title: t('networks.pictureTitle') + (grid.scope && grid.scope !== 'all' ? ' – ' + scopeLabel(grid.scope) : ''),
    subtitle: t('networks.pictureSubtitle', { date: grid.asOf, n: suggestions().length }),
  }));
}

function short(name) { return name.length > 48 ? name.slice(0, 46) + '…' : name; }

function renderPairs() {
  const box = $('pairs');
  const pairs = suggestions();
  if (!pairs.length) { showNoticeKey(box, 'networks.noPairs'); return; }
  fill(box, el('table', { id: 'pair-table' },
    el('thead', {}, el('tr', {}, ['networks.pair', 'networks.class', 'networks.score', 'networks.triadic', 'networks.why']
      .map((k, i) => el('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null, text: t(k) })))),
    el('tbody', {}, pairs.map((p) => el('tr', { dataset: { pair: `${p.a.id}~${p.b.id}` } },
      el('td', {}, el('button', { type: 'button', class: 'link-button', translate: 'no', on: { click: () => selectPair(p) } },
        `${p.a.name} ~ ${p.b.name}`), (p.illustrative || p.a.illustrative || p.b.illustrative) ? illustrativeBadge() : null),
      el('td', { text: t('pairClass.' + p.pairClass) }),
      el('td', { class: 'num', text: formatNumber(p.score, 2) }),
      el('td', { class: 'num', text: String(p.triadic) }),
      el('td', { text: why(p) }))))));
  if ((links?.pairs.length ?? 0) > pairs.length) {
    box.append(el('p', { class: 'small', text: t('networks.more', { n: links.pairs.length - pairs.length }) }));
  }
}

function why(p) {
  const parts = [];
  if (p.sharedGoals.length) parts.push(t('networks.sharedGoals', { list: p.sharedGoals.map((g) => goalNames[g] ?? g).join(', ') }));
  if (p.sharedAreas.length) parts.push(t('networks.sharedAreas', { list: p.sharedAreas.map((a) => areaName(cat, a)).join(', ') }));
  if (p.sharedConveners.length) parts.push(t('networks.sharedConveners', { list: p.sharedConveners.map((c) => bodyNames[c] ?? c).join(', ') }));
  if (p.sharedMunicipalities.length) parts.push(t('networks.sharedMunicipalities', { n: p.sharedMunicipalities.length }));
  if (p.triadic) parts.push(t('networks.triadicText', { n: p.triadic }));
  return parts.join('; ') + '.';
}

function selectPair(p, { keep = false } = {}) {
  if (!keep) setView({ pair: `${p.a.id}~${p.b.id}`, network: null });
  if (cy) {
    cy.$(':selected').unselect();
    cy.getElementById(`pair-${p.a.id}-${p.b.id}`).select();
  }
  explainPair(p);
}

function explainPair(p) {
  const box = $('explain');
  const place = (n) => `${sectorName(cat, n.sector)} / ${levelLabel(n.level)}`;
  fill(box, 
    el('h3', { text: `${p.a.name} ~ ${p.b.name}` }),
    el('p', { text: t('networks.pairIntro', { cls: t('pairClass.' + p.pairClass), a: place(p.a), b: place(p.b), score: formatNumber(p.score, 3) }) }),
    el('p', { text: why(p) }),
    p.sharedMunicipalities.length ? el('p', { class: 'small', text: p.sharedMunicipalities.map((c) => names[c] ?? c).join(', ') }) : null,
    el('p', { class: 'small', text: t('networks.scoreExplain') }));
}

function explainTie(tie) {
  fill($('explain'), 
    el('h3', { text: `${bodyNames[tie.a] ?? tie.a} – ${bodyNames[tie.b] ?? tie.b}` }),
    el('p', { text: t('networks.tieText', {
      links: tie.links.map((k) => t('linkKind.' + k)).join(', ') || t('common.none'),
      initiatives: tie.initiatives.join(', ') || t('common.none') }) }));
}

function explainNetwork(n) {
  fill($('explain'), 
    el('h3', {}, n.name, n.illustrative ? illustrativeBadge() : null),
    el('dl', {},
      el('dt', { text: t('web.sector') }), el('dd', { text: sectorName(cat, n.sector) }),
      el('dt', { text: t('common.level') }), el('dd', { text: levelLabel(n.level) }),
      el('dt', { text: t('web.conveners') }), el('dd', { text: n.conveners.map((c) => bodyNames[c] ?? c).join(', ') || '–' }),
      el('dt', { text: t('common.areas') }), el('dd', { text: n.areas.map((a) => areaName(cat, a)).join(', ') || '–' })));
}

function renderConveners() {
  const box = $('conveners');
  const rows = links?.conveners ?? [];
  if (!rows.length) { showNoticeKey(box, 'common.nothing'); return; }
  fill(box, el('table', {},
    el('thead', {}, el('tr', {}, ['networks.convener', 'networks.networkCount', 'networks.diagonalPairs', 'networks.linkedShare']
      .map((k, i) => el('th', { scope: 'col', class: i ? 'num' : null, text: t(k) })))),
    el('tbody', {}, rows.map((c) => el('tr', {},
      el('td', { text: c.label ?? c.convener }),
      el('td', { class: 'num', text: String(c.networks) }),
      el('td', { class: 'num', text: String(c.diagonalPairs) }),
      el('td', { class: 'num', text: c.share === null ? '–' : `${c.linkedPairs} / ${c.diagonalPairs} (${formatPercent(c.share, 0)})` }))))));
}
