// Karta: the 290 municipalities coloured by a chosen measure (or by the group they cooperate most closely
// with, the communities of P), with a legend, a sortable table and click-through. Measure, area, county,
// the table's order and whether it is open are kept in the address.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, loadCatalogue, fillSelect, pick, areaName, formatNumber,
  onLangChange, onDateChange, onHistory, markDataset, param, setView, loadOverview, sortableTable, pageLink,
} from './common.js';
import { createMap, classes, colourFor, renderLegend, noDataLegend, NO_VALUE, NO_DATA_STYLE } from './map.js';
import { coverageFor, isCovered, showCoverage, clearCoverage } from './coverage.js';

const $ = (id) => document.getElementById(id);
/** Colours of the communities: distinct, light enough to read the borders (ColorBrewer Set3-like). */
const GROUP_COLOURS = ['#8dd3c7', '#fdb462', '#bebada', '#fb8072', '#80b1d3', '#b3de69', '#fccde5', '#ffffb3',
  '#bc80bd', '#ccebc5', '#ffed6f', '#d9d9d9'];
let cat = null;
let view = null;
let values = {};   // code → number | boolean | null
let overview = null;
let centrality = null;
let communities = null;
let coverage = null; // the country's coverage for the measure's forms: uncovered municipalities show "ingen data"

await initPage('map');
readAddress();
try {
  cat = await loadCatalogue();
} catch (e) { showError($('status'), e); }
fillControls();
markDataset($('dataset-mark'));
try {
  view = await createMap($('map'), {});
} catch (e) {
  showError($('map'), e, 'map.polygonsFailed');
}
if (view) {
  view.setPopup(popup);
  zoom();
  await refresh();
}
$('measure').addEventListener('change', () => { setView({ measure: $('measure').value }, { push: true }); syncArea(); refresh(); });
$('area').addEventListener('change', () => { setView({ area: $('area').value }, { push: true }); refresh(); });
$('county').addEventListener('change', () => { setView({ county: $('county').value }, { push: true }); zoom(); draw(); });
$('tiles').addEventListener('change', () => view?.showTiles($('tiles').checked));
$('values-details').addEventListener('toggle', () => setView({ table: $('values-details').open ? 'open' : null }));
onLangChange(() => { fillControls(); draw(); });
onDateChange(() => { overview = null; centrality = null; communities = null; coverage = null; markDataset($('dataset-mark')); refresh(); });
onHistory(() => { readAddress(); fillControls(); zoom(); refresh(); });

function readAddress() {
  const measure = param('measure');
  $('measure').value = [...$('measure').options].some((o) => o.value === measure) ? measure : 'bodies';
  $('values-details').open = param('table') === 'open';
}

function fillControls() {
  fillSelect($('area'), (cat?.areas ?? []).map((a) => ({ value: a.id, text: `${pick(a, 'name')}` })));
  if (param('area') && cat?.area[param('area')]) $('area').value = param('area');
  fillSelect($('county'), [{ value: '', text: t('map.wholeCountry') },
    ...(cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` }))]);
  $('county').value = param('county') ?? '';
  syncArea();
}

function syncArea() { $('area').disabled = $('measure').value !== 'coverage'; }

function zoom() {
  if (!view) return;
  const county = $('county').value;
  view.zoomTo(county ? view.codes.filter((c) => c.startsWith(county)) : []);
}

async function refresh() {
  if (!view) return;
  const measure = $('measure').value;
  clear($('status'));
  let answer = null;
  try {
    if (measure === 'betweenness') {
      centrality ??= await api('/api/analysis/centrality?scope=all');
      answer = centrality;
      values = Object.fromEntries(view.codes.map((c) => [c, null]));
      (centrality.vertices ?? []).forEach((v) => { if (v.id in values) values[v.id] = v.betweenness; });
    } else if (measure === 'community') {
      communities ??= await Promise.all([api('/api/analysis/communities?scope=all'), api('/api/actors', { date: false })])
        .then(([c, actors]) => ({ ...c, actorNames: Object.fromEntries(actors.map((a) => [a.id, a.name])) }));
      answer = communities;
      values = Object.fromEntries(view.codes.map((c) => [c, null]));
      communities.communities.forEach((group, i) => group.forEach((code) => { if (code in values) values[code] = i + 1; }));
    } else if (measure === 'coverage') {
      const area = $('area').value;
      const o = await api('/api/analysis/overview?area=' + encodeURIComponent(area));
      answer = o;
      values = Object.fromEntries(o.municipalities.map((m) => [m.code, m.coversArea]));
    } else {
      overview ??= await loadOverview();
      answer = overview;
      values = Object.fromEntries(overview.municipalities.map((m) => [m.code, m[measure]]));
    }
  } catch (e) {
    values = {};
    showError($('status'), e, measure === 'betweenness' ? 'map.centralityFailed' : 'error.api');
  }
  try {
    coverage = await coverageFor(answer, { scope: 'all', forms: answer?.forms ?? null });
    showCoverage(coverage, { restsOn: answer?.restsOnIllustrative });
  } catch (e) {
    coverage = null;
    clearCoverage();
  }
  draw();
}

/**
 * Whether a municipality shows "ingen data" for the measure: its list of bodies is not complete for the forms,
 * and the value would otherwise read as a count (0 or more), "does not cover", or "not in the graph". A value
 * that the data does know (it covers the area through a known body; a place in the graph) is shown as it is.
 */
function noData(code) {
  if (isCovered(coverage, code) !== false) return false;
  const measure = $('measure').value;
  const v = values[code];
  if (measure === 'coverage') return v !== true;
  if (measure === 'betweenness' || measure === 'community') return v === null || v === undefined;
  return true;
}

/** The style of a municipality: the measure's own, or "ingen data". */
function styled(code, own) { return noData(code) ? { ...NO_DATA_STYLE } : { color: '#5b6770', dashArray: null, ...own }; }

function draw() {
  if (!view) return;
  const measure = $('measure').value;
  const legend = $('legend');
  $('communities-section').hidden = measure !== 'community' || !communities;
  const county = $('county').value;
  const missing = view.codes.filter((c) => (!county || c.startsWith(county)) && noData(c)).length;
  const noDataItem = missing ? [noDataLegend(missing)] : [];
  if (measure === 'coverage') {
    view.setStyle((code) => styled(code, { fillColor: values[code] === true ? '#3182bd' : values[code] === false ? '#ffffff' : NO_VALUE }));
    renderLegend(legend, [
      { colour: '#3182bd', text: t('map.covers', { area: areaName(cat, $('area').value) }) },
      { colour: '#ffffff', text: t('map.notCovers') },
      ...noDataItem,
    ]);
  } else if (measure === 'community') {
    view.setStyle((code) => styled(code, { fillColor: values[code] ? GROUP_COLOURS[(values[code] - 1) % GROUP_COLOURS.length] : NO_VALUE }));
    renderLegend(legend, [
      ...(communities?.communities ?? []).map((g, i) => ({ colour: GROUP_COLOURS[i % GROUP_COLOURS.length],
        text: t('map.group', { n: i + 1, size: g.length }) })),
      { colour: NO_VALUE, text: t('map.notInP') },
      ...noDataItem,
    ]);
    renderCommunities();
  } else {
    const numbers = Object.entries(values).filter(([c, v]) => typeof v === 'number' && !noData(c)).map(([, v]) => v);
    const max = Math.max(0, ...numbers);
    const continuous = measure === 'betweenness';
    const fixedBreaks = continuous && max > 0 ? [1, 2, 3, 4, 5].map((i) => (max * i) / 5) : classes(max);
    view.setStyle((code) => styled(code, { fillColor: colourFor(values[code], fixedBreaks) }));
    const items = [{ colour: '#ffffff', text: '0' }];
    let low = 0;
    fixedBreaks.forEach((b) => {
      const lo = continuous ? formatNumber(low, 3) : String(Math.floor(low) + 1);
      const hi = continuous ? formatNumber(b, 3) : String(Math.floor(b));
      items.push({ colour: colourFor(b, fixedBreaks), text: lo === hi ? hi : `${lo}–${hi}` });
      low = b;
    });
    if (measure === 'betweenness') items.push({ colour: NO_VALUE, text: t('map.notInP') });
    renderLegend(legend, [...items, ...noDataItem]);
  }
  renderTable();
}

/** The communities as lists: who cooperates most closely with whom (Louvain on P, seed 1). */
function renderCommunities() {
  if (!communities) return;
  const label = (code) => view.names[code] ?? communities.actorNames[code] ?? code;
  fill($('communities-lead'), t('map.communitiesLead', { n: communities.communities.length,
    modularity: formatNumber(communities.modularity, 3), date: communities.asOf }));
  fill($('communities'), el('ol', { class: 'community-list', id: 'community-list' }, communities.communities.map((g, i) =>
    el('li', { dataset: { group: String(i + 1) } },
      el('span', { class: 'swatch', style: `background:${GROUP_COLOURS[i % GROUP_COLOURS.length]}` }), ' ',
      el('strong', { text: t('map.group', { n: i + 1, size: g.length }) + ': ' }),
      [...g].map(label).sort((a, b) => a.localeCompare(b, 'sv')).join(', ')))));
}

function display(code) {
  const v = values[code];
  if (noData(code)) {
    // A known count of an uncovered municipality is a floor, not the value: "ingen data (1 känt organ)".
    return typeof v === 'number' && v > 0 ? t('map.noDataKnown', { n: v }) : t('map.noDataValue');
  }
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if ($('measure').value === 'community') return t('map.groupShort', { n: v });
  return $('measure').value === 'betweenness' ? formatNumber(v, 4) : String(v);
}

function popup(code) {
  return el('div', {},
    el('strong', { text: `${view.names[code]} (${code})` }), el('br'),
    `${t('map.measure.' + $('measure').value)}: ${display(code)}`, el('br'),
    el('a', { href: pageLink('index.html', { code }), text: t('map.openWeb') }), ' · ',
    el('a', { href: pageLink('luckor.html', { municipality: code }), text: t('map.openGaps') }));
}

/** The values as a table, sortable by name, code and value; the order is kept in the address. */
function renderTable() {
  const box = $('values');
  const county = $('county').value;
  const codes = view.codes.filter((c) => !county || c.startsWith(county));
  if (!codes.length) { showNoticeKey(box, 'common.nothing'); return; }
  const rows = codes.map((code) => ({ code, name: view.names[code], value: values[code] }));
  const numeric = (r) => (noData(r.code) ? null : typeof r.value === 'boolean' ? Number(r.value) : r.value);
  fill(box, sortableTable({
    id: 'values-table', rows, sort: param('sort') ?? 'name',
    onSort: (sort) => { setView({ sort }, { push: true }); renderTable(); },
    rowAttrs: (r) => ({ dataset: noData(r.code) ? { code: r.code, noData: 'true' } : { code: r.code } }),
    columns: [
      { key: 'name', label: 'common.municipality', cell: (r) => el('a', { href: pageLink('index.html', { code: r.code }), text: r.name }) },
      { key: 'code', label: 'common.code' },
      { key: 'value', label: 'map.measure.' + $('measure').value, num: true, value: numeric, cell: (r) => display(r.code) },
    ],
  }));
}
