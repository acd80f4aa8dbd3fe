// Karta: the 290 municipalities coloured by a chosen measure, with a legend, a table and click-through.
import {
  initPage, t, el, clear, fill, api, showError, showNotice, loadCatalogue, fillSelect, pick, areaName, formatNumber,
  onLangChange, onDateChange, markDataset, param, setParam, loadOverview,
} from './common.js';
import { createMap, classes, colourFor, renderLegend, NO_VALUE } from './map.js';

const $ = (id) => document.getElementById(id);
let cat = null;
let view = null;
let values = {};   // code → number | boolean | null
let overview = null;
let centrality = null;

await initPage('map');
if (param('measure')) $('measure').value = param('measure');
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
  await refresh();
}
$('measure').addEventListener('change', () => { setParam('measure', $('measure').value); syncArea(); refresh(); });
$('area').addEventListener('change', () => { setParam('area', $('area').value); refresh(); });
$('county').addEventListener('change', () => zoom());
$('tiles').addEventListener('change', () => view?.showTiles($('tiles').checked));
onLangChange(() => { fillControls(); draw(); });
onDateChange(() => { overview = null; centrality = null; markDataset($('dataset-mark')); refresh(); });

function fillControls() {
  fillSelect($('area'), (cat?.areas ?? []).map((a) => ({ value: a.id, text: `${pick(a, 'name')}` })));
  if (param('area') && cat?.area[param('area')]) $('area').value = param('area');
  fillSelect($('county'), [{ value: '', text: t('map.wholeCountry') },
    ...(cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` }))]);
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
  try {
    if (measure === 'betweenness') {
      centrality ??= await api('/api/analysis/centrality?scope=all');
      values = Object.fromEntries(view.codes.map((c) => [c, null]));
      (centrality.vertices ?? []).forEach((v) => { if (v.id in values) values[v.id] = v.betweenness; });
    } else if (measure === 'coverage') {
      const area = $('area').value;
      const o = await api('/api/analysis/overview?area=' + encodeURIComponent(area));
      values = Object.fromEntries(o.municipalities.map((m) => [m.code, m.coversArea]));
    } else {
      overview ??= await loadOverview();
      values = Object.fromEntries(overview.municipalities.map((m) => [m.code, m[measure]]));
    }
  } catch (e) {
    values = {};
    showError($('status'), e, measure === 'betweenness' ? 'map.centralityFailed' : 'error.api');
  }
  draw();
}

function draw() {
  if (!view) return;
  const measure = $('measure').value;
  const legend = $('legend');
  if (measure === 'coverage') {
    view.setStyle((code) => ({ fillColor: values[code] === true ? '#3182bd' : values[code] === false ? '#ffffff' : NO_VALUE }));
    renderLegend(legend, [
      { colour: '#3182bd', text: t('map.covers', { area: areaName(cat, $('area').value) }) },
      { colour: '#ffffff', text: t('map.notCovers') },
    ]);
  } else {
    const numbers = Object.values(values).filter((v) => typeof v === 'number');
    const max = Math.max(0, ...numbers);
    const breaks = measure === 'betweenness' ? classes(max).map((b) => b) : classes(max);
    const continuous = measure === 'betweenness';
    const fixedBreaks = continuous && max > 0 ? [1, 2, 3, 4, 5].map((i) => (max * i) / 5) : breaks;
    view.setStyle((code) => ({ fillColor: colourFor(values[code], fixedBreaks) }));
    const items = [{ colour: '#ffffff', text: '0' }];
    let low = 0;
    fixedBreaks.forEach((b, i) => {
      const lo = continuous ? formatNumber(low, 3) : String(Math.floor(low) + 1);
      const hi = continuous ? formatNumber(b, 3) : String(Math.floor(b));
      items.push({ colour: colourFor(b, fixedBreaks), text: lo === hi ? hi : `${lo}–${hi}` });
      low = b;
    });
    if (measure === 'betweenness') items.push({ colour: NO_VALUE, text: t('map.notInP') });
    renderLegend(legend, items);
  }
  renderTable();
}

function display(code) {
  const v = values[code];
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return $('measure').value === 'betweenness' ? formatNumber(v, 4) : String(v);
}

function popup(code) {
  return el('div', {},
    el('strong', { text: `${view.names[code]} (${code})` }), el('br'),
    `${t('map.measure.' + $('measure').value)}: ${display(code)}`, el('br'),
    el('a', { href: `index.html?code=${code}`, text: t('map.openWeb') }), ' · ',
    el('a', { href: `luckor.html?municipality=${code}`, text: t('map.openGaps') }));
}

function renderTable() {
  const box = $('values');
  const county = $('county').value;
  const codes = view.codes.filter((c) => !county || c.startsWith(county))
    .sort((a, b) => view.names[a].localeCompare(view.names[b], 'sv'));
  if (!codes.length) { showNotice(box, t('common.nothing')); return; }
  fill(box, el('table', {},
    el('thead', {}, el('tr', {}, el('th', { text: t('common.municipality') }), el('th', { text: t('common.code') }),
      el('th', { class: 'num', text: t('map.measure.' + $('measure').value) }))),
    el('tbody', {}, codes.map((c) => el('tr', {},
      el('td', {}, el('a', { href: `index.html?code=${c}`, text: view.names[c] })),
      el('td', { text: c }), el('td', { class: 'num', text: display(c) }))))));
}
