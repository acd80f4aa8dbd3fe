// Luckor: gaps for one service area with ranked JOIN / HOST / START options; the map shows the gaps,
// the municipalities that cover the area and the candidate hosts.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, showLoading, loadCatalogue, fillSelect, pick, areaName,
  formatNumber, formatPercent, formLabel, onLangChange, onDateChange, onHistory, markDataset, param, setView, pageLink,
  loadMunicipalities,
} from './common.js';
import { createMap, renderLegend, noDataLegend, NO_VALUE, NO_DATA_STYLE } from './map.js';
import { coverageFor, isCovered, restrict, showCoverage, clearCoverage, itemBadge } from './coverage.js';
import { encodeChanges } from './scenario-compare.js';

const $ = (id) => document.getElementById(id);
const GAP_SCALE = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
let cat = null;
let view = null;
let result = null;
let coverage = {};
let known = null; // the country's coverage for the gaps' forms: an uncovered municipality is unknown, never a gap
let names = {};   // code → name, for the neighbours of a START option
let counties = {}; // code → county code, the scope of a "Prova" comparison
const namesReady = loadMunicipalities().then((list) => {
  names = Object.fromEntries(list.map((m) => [m.code, m.name]));
  counties = Object.fromEntries(list.map((m) => [m.code, m.countyCode]));
}, () => {});
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
    const cov = await coverageFor(gaps, { scope: 'all', forms: gaps.forms ?? null }).catch(() => null);
    await namesReady;
    if (area !== $('area').value) return;
    known = cov;
    result = gaps;
    zoomPending = true;
    coverage = Object.fromEntries(overview.municipalities.map((m) => [m.code, m.coversArea]));
  } catch (e) {
    result = null;
    known = null;
    clearCoverage();
    showError($('gaps'), e);
    drawMap();
    return;
  }
  render();
}

/** Whether the data says nothing complete about the municipality (unknown, never a gap or a known partner). */
function unknownCode(code) { return isCovered(known, code) === false; }

/** The gaps shown: in the chosen county, and never an uncovered municipality (the API leaves them out too). */
function visibleGaps() {
  const county = $('county').value;
  return (result?.gaps ?? []).filter((g) => (!county || g.code.startsWith(county)) && !unknownCode(g.code));
}

function render() {
  if (!result) return;
  const gaps = visibleGaps();
  const county = $('county').value;
  showCoverage(county && view ? restrict(known, view.codes.filter((c) => c.startsWith(county)), 'county:' + county) : known);
  const box = $('gaps');
  const municipality = param('municipality');
  const intro = el('p', { class: 'small' }, t('gaps.summary', {
    n: gaps.length, area: areaName(cat, result.area), date: result.asOf, km: formatNumber(result.maxKm, 1) }),
  municipality ? el('span', {}, ' ', t('gaps.onlyMunicipality', { code: municipality }), ' ',
    el('button', { type: 'button', class: 'link-button', on: { click: () => { setView({ municipality: null }, { push: true }); load(); } } },
      t('gaps.showAll'))) : null);
  if (!gaps.length) {
    const none = known && !known.complete ? 'gaps.noneKnown' : 'gaps.none';
    fill(box, intro, el('p', { class: 'message notice', role: 'status', id: 'no-gaps', i18n: none }));
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
        itemBadge(g),
        el('div', { class: 'small', text: g.unknownNeighbours?.length
          ? t('gaps.neighboursKnown', { n: g.coveringNeighbours.length, of: g.knownNeighbours, unknown: g.unknownNeighbours.length })
          : t('gaps.neighbours', { n: g.coveringNeighbours.length, of: g.neighbours }) })),
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
  g.join.forEach((o) => items.push(el('li', { dataset: { kind: 'join', body: o.body } }, el('span', { class: 'kind', text: t('gaps.join') + ` ${o.rank}: ` }),
    el('span', { class: 'api-text', text: pick(o, 'reason') }), ` (${formLabel(o.form)})`, itemBadge(o), ' ', tryLink(g, joinChanges(g, o)))));
  g.host.forEach((o) => items.push(el('li', { dataset: { kind: 'host', code: o.code } }, el('span', { class: 'kind', text: t('gaps.host') + ` ${o.rank}: ` }),
    el('span', { class: 'api-text', text: pick(o, 'reason') }),
    unknownCode(o.code) ? el('span', { class: 'unknown-tag', text: ' ' + t('gaps.hostUnknown') }) : null, itemBadge(o), ' ',
    tryLink(g, hostChanges(g, o)))));
  if (g.start) items.push(startItem(g, g.start));
  if (!items.length) return el('span', { class: 'small', text: t('gaps.noOptions') });
  return el('ul', { class: 'options' }, items);
}

// ---- "Prova": the option as a scenario (docs/scenarios.md), compared on Tänk om… -------------------------

/** A link to scenario.html with the option's changes in the address, the gap's municipality in focus. */
function tryLink(g, scenario) {
  const county = $('county').value || counties[g.code];
  return el('a', { class: 'try-link', href: pageLink('scenario.html', { c: encodeChanges(scenario), focus: g.code,
    scope: county ? 'county:' + county : null }) },
  el('span', { i18n: 'gaps.try' }), el('span', { class: 'sr-only', translate: 'no', text: ` – ${scenario.name}` }));
}

/** JOIN: the municipality joins the body in the first role its form allows other than host. */
function joinChanges(g, o) {
  const role = (cat?.model.form[o.form]?.partyRoles ?? []).find((r) => r !== 'HOST') ?? 'MEMBER';
  return { name: t('gaps.tryJoinName', { name: g.name, body: o.bodyName }),
    changes: [{ type: 'JOIN', body: o.body, party: g.code, role }] };
}

/** HOST: a new agreement for the area, the neighbour as host and the municipality as participant. */
function hostChanges(g, o) {
  const name = t('gaps.tryHostBody', { area: areaName(cat, result.area), host: o.name ?? o.code, name: g.name });
  return { name, changes: [{ type: 'START', body: { name, form: 'AGREEMENT', areas: [result.area],
    parties: [{ party: o.code, role: 'HOST' }, { party: g.code, role: 'PARTICIPANT' }] } }] };
}

/** START: a new agreement for the area among the members, hosted by the municipality (changeable on the page). */
function startChanges(g, members) {
  const parties = [g.code, ...members.filter((c) => c !== g.code)];
  const name = t('gaps.tryStartBody', { area: areaName(cat, result.area), names: parties.map((c) => names[c] ?? c).join(', ') });
  return { name, changes: [{ type: 'START', body: { name, form: 'AGREEMENT', areas: [result.area],
    parties: parties.map((party) => ({ party, role: party === g.code ? 'HOST' : 'PARTICIPANT' })) } }] };
}

/**
 * START: the partners the data knows (covered neighbours, `members`) and, apart, the neighbours it knows
 * nothing about (`unknown`: no data, so never proposed as if known to lack the area).
 */
function startItem(g, start) {
  const name = (code) => (names[code] ?? view?.names[code] ? `${names[code] ?? view.names[code]} (${code})` : code);
  const all = start.members ?? [];
  const unknown = start.unknown ?? all.filter(unknownCode);
  const members = start.unknown ? all : all.filter((c) => !unknownCode(c));
  return el('li', { dataset: { kind: 'start' } }, el('span', { class: 'kind', text: t('gaps.start') + ': ' }),
    el('span', { class: 'api-text', text: pick(start, 'reason') }), itemBadge(start), ' ', tryLink(g, startChanges(g, members)),
    members.length ? el('div', { class: 'small start-members', text: t('gaps.startMembers', { names: members.map(name).join(', ') }) }) : null,
    unknown.length ? el('div', { class: 'small start-unknown', dataset: { codes: unknown.join(' ') },
      text: t('gaps.startUnknown', { names: unknown.map(name).join(', ') }) }) : null);
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
    let style = { color: '#5b6770', weight: 0.6, fillColor: NO_VALUE, dashArray: null };
    if (gap) style.fillColor = GAP_SCALE[Math.min(4, Math.floor(gap.strength * 5))];
    else if (result && coverage[code]) style.fillColor = '#9ecae1';
    else if (result && unknownCode(code)) style = { ...style, ...NO_DATA_STYLE };
    if (hosts.has(code)) { style.color = '#08306b'; style.weight = 3; }
    return style;
  });
  const county = $('county').value;
  const missing = result ? view.codes.filter((c) => (!county || c.startsWith(county)) && !coverage[c] && unknownCode(c)).length : 0;
  renderLegend($('legend'), [
    { colour: GAP_SCALE[1], text: t('gaps.legendWeak') },
    { colour: GAP_SCALE[4], text: t('gaps.legendStrong') },
    { colour: '#9ecae1', text: t('gaps.legendCovers') },
    { colour: NO_VALUE, text: t('gaps.legendOther') },
    ...(missing ? [noDataLegend(missing)] : []),
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
    gap && !unknownCode(code) ? t('gaps.popupGap', { strength: formatPercent(gap.strength) })
      : coverage[code] ? t('gaps.popupCovers') : unknownCode(code) ? t('gaps.popupNoData') : t('gaps.popupNone'), el('br'),
    el('a', { href: pageLink('index.html', { code }), text: t('map.openWeb') }));
}
