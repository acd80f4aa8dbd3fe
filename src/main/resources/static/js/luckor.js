// Luckor: gaps for one service area with ranked JOIN / HOST / START options; the map shows the gaps,
// the municipalities that cover the area and the candidate hosts.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, showLoading, loadCatalogue, fillSelect, pick, areaName,
  formatNumber, formatPercent, formLabel, onLangChange, onDateChange, onHistory, markDataset, param, setView, pageLink,
} from './common.js';
import { createMap, renderLegend, NO_VALUE } from './map.js';

const $ = (id) => document.getElementById(id);
const GAP_SCALE = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
let cat = null;
let view = null;
let result = null;
let coverage = {};
let zoomPending = true; // zoom to the gaps once per new result

await initPage('gaps');
try { cat = await loadCatalogue(); } catch (e) { showError($('status'), e); }
fillControls();
markDataset($('dataset-mark'));
createMap($('map'), {}).then((v) => { view = v; view.setPopup(popup); drawMap(); },
  (e) => showError($('map'), e, 'map.polygonsFailed'));
$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose(); });
$('area').addEventListener('change', () => choose());
$('county').addEventListener('change', () => { setView({ county: $('county').value }, { push: true }); zoomPending = true; render(); });
onLangChange(() => { fillControls(); render(); });
onDateChange(() => { markDataset($('dataset-mark')); load(); });
onHistory(() => { fillControls(); load(); });
if ($('area').value) load(); else showNoticeKey($('gaps'), 'gaps.choose');

/** The controls from the address: area, county, the HOST radius (km). */
function fillControls() {
  fillSelect($('area'), [{ value: '', text: t('gaps.chooseArea') },
    ...(cat?.areas ?? []).map((a) => ({ value: a.id, text: pick(a, 'name') }))]);
  $('area').value = param('area') && cat?.area[param('area')] ? param('area') : '';
  fillSelect($('county'), [{ value: '', text: t('gaps.allCounties') },
    ...(cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` }))]);
  $('county').value = param('county') ?? '';
  $('max-km').value = param('km') ?? '50';
}

function choose() {
  setView({ area: $('area').value, km: $('max-km').value === '50' ? null : $('max-km').value, gap: null }, { push: true });
  load();
}

async function load() {
  const area = $('area').value;
  if (!area) { result = null; showNoticeKey($('gaps'), 'gaps.choose'); drawMap(); return; }
  const km = $('max-km').value;
  let query = `area=${encodeURIComponent(area)}`;
  if (km !== '') query += `&maxKm=${encodeURIComponent(km)}`;
  const municipality = param('municipality');
  if (municipality) query += `&municipality=${encodeURIComponent(municipality)}`;
  showLoading($('gaps'));
  clear($('status'));
  try {
    const [gaps, overview] = await Promise.all([api('/api/analysis/gaps?' + query),
      api('/api/analysis/overview?area=' + encodeURIComponent(area))]);
    if (area !== $('area').value) return;
    result = gaps;
    zoomPending = true;
    coverage = Object.fromEntries(overview.municipalities.map((m) => [m.code, m.coversArea]));
  } catch (e) {
    result = null;
    showError($('gaps'), e);
    drawMap();
    return;
  }
  render();
}

function visibleGaps() {
  const county = $('county').value;
  return (result?.gaps ?? []).filter((g) => !county || g.code.startsWith(county));
}

function render() {
  if (!result) return;
  const gaps = visibleGaps();
  const box = $('gaps');
  const municipality = param('municipality');
  const intro = el('p', { class: 'small' }, t('gaps.summary', {
    n: gaps.length, area: areaName(cat, result.area), date: result.asOf, km: formatNumber(result.maxKm, 1) }),
  municipality ? el('span', {}, ' ', t('gaps.onlyMunicipality', { code: municipality }), ' ',
    el('button', { type: 'button', class: 'link-button', on: { click: () => { setView({ municipality: null }, { push: true }); load(); } } },
      t('gaps.showAll'))) : null);
  if (!gaps.length) {
    fill(box, intro, el('p', { class: 'message notice', role: 'status', id: 'no-gaps', i18n: 'gaps.none' }));
    drawMap();
    return;
  }
  const table = el('table', { id: 'gap-table' },
    el('caption', { text: t('gaps.caption', { area: areaName(cat, result.area) }) }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: t('common.municipality') }),
      el('th', { scope: 'col', class: 'num', text: t('gaps.strength') }),
      el('th', { scope: 'col', text: t('gaps.options') }))),
    el('tbody', {}, gaps.map((g) => el('tr', { dataset: { code: g.code } },
      el('td', {},
        el('button', { type: 'button', class: 'link-button', on: { click: () => { setView({ gap: g.code }); highlight(g.code); focusGap(g); } } }, `${g.name} (${g.code})`),
        el('div', { class: 'small', text: t('gaps.neighbours', { n: g.coveringNeighbours.length, of: g.neighbours }) })),
      el('td', { class: 'num', text: formatPercent(g.strength) }),
      el('td', {}, options(g))))));
  fill(box, intro, table);
  drawMap();
  const chosen = param('gap') && gaps.find((g) => g.code === param('gap'));
  highlight(chosen?.code);
  if (chosen) focusGap(chosen);
}

/** The chosen gap's row stands out. */
function highlight(code) {
  document.querySelectorAll('#gap-table tr.highlight').forEach((tr) => tr.classList.remove('highlight'));
  if (code) document.querySelector(`#gap-table tr[data-code="${CSS.escape(code)}"]`)?.classList.add('highlight');
}

function options(g) {
  const items = [];
  g.join.forEach((o) => items.push(el('li', {}, el('span', { class: 'kind', text: t('gaps.join') + ` ${o.rank}: ` }),
    el('span', { class: 'api-text', text: pick(o, 'reason') }), ` (${formLabel(o.form)})`)));
  g.host.forEach((o) => items.push(el('li', {}, el('span', { class: 'kind', text: t('gaps.host') + ` ${o.rank}: ` }),
    el('span', { class: 'api-text', text: pick(o, 'reason') }))));
  if (g.start) items.push(el('li', {}, el('span', { class: 'kind', text: t('gaps.start') + ': ' }), el('span', { class: 'api-text', text: pick(g.start, 'reason') })));
  if (!items.length) return el('span', { class: 'small', text: t('gaps.noOptions') });
  return el('ul', { class: 'options' }, items);
}

function focusGap(g) {
  if (!view) return;
  zoomPending = false;
  const codes = [g.code, ...g.host.map((h) => h.code), ...g.coveringNeighbours];
  view.zoomTo(codes);
  view.openPopup(g.code);
}

function drawMap() {
  if (!view) return;
  const gaps = result ? visibleGaps() : [];
  const byCode = Object.fromEntries(gaps.map((g) => [g.code, g]));
  const hosts = new Set(gaps.flatMap((g) => g.host.map((h) => h.code)));
  view.setStyle((code) => {
    const gap = byCode[code];
    const style = { color: '#5b6770', weight: 0.6, fillColor: NO_VALUE };
    if (gap) style.fillColor = GAP_SCALE[Math.min(4, Math.floor(gap.strength * 5))];
    else if (result && coverage[code]) style.fillColor = '#9ecae1';
    if (hosts.has(code)) { style.color = '#08306b'; style.weight = 3; }
    return style;
  });
  renderLegend($('legend'), [
    { colour: GAP_SCALE[1], text: t('gaps.legendWeak') },
    { colour: GAP_SCALE[4], text: t('gaps.legendStrong') },
    { colour: '#9ecae1', text: t('gaps.legendCovers') },
    { colour: NO_VALUE, text: t('gaps.legendOther') },
    { colour: '#ffffff', border: '#08306b', text: t('gaps.legendHost') },
  ]);
  if (gaps.length && zoomPending) {
    zoomPending = false;
    view.zoomTo([...gaps.map((g) => g.code), ...hosts]);
  }
}

function popup(code) {
  const gap = (result?.gaps ?? []).find((g) => g.code === code);
  return el('div', {},
    el('strong', { text: `${view.names[code]} (${code})` }), el('br'),
    gap ? t('gaps.popupGap', { strength: formatPercent(gap.strength) })
      : coverage[code] ? t('gaps.popupCovers') : t('gaps.popupNone'), el('br'),
    el('a', { href: pageLink('index.html', { code }), text: t('map.openWeb') }));
}
