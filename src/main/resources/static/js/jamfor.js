// Jämför: two municipalities side by side on the page date: bodies in common and apart, host roles and
// dependency on one host, partners and centrality ranks (in the whole country, so the two are comparable),
// and their gaps. Both codes are in the address.
import {
  initPage, t, el, fill, api, showError, showLoading, showNoticeKey, loadCatalogue, loadMunicipalities, areaName,
  formLabel, roleLabel, formatNumber, formatPercent, illustrativeBadge, onLangChange, onDateChange, onHistory,
  markDataset, param, setView, resolveMunicipality, pageLink,
} from './common.js';
import { coverageFor, isCovered, showCoverage, clearCoverage } from './coverage.js';

const $ = (id) => document.getElementById(id);
let cat = null;
let list = [];
let result = null;

await initPage('compare');
try { [cat, list] = await Promise.all([loadCatalogue(), loadMunicipalities()]); } catch (e) { showError($('status'), e); }
fill($('municipality-list'), list.map((m) => el('option', { value: `${m.name} (${m.code})` })));
markDataset($('dataset-mark'));
readAddress();
$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose(); });
onLangChange(() => render());
onDateChange(() => { markDataset($('dataset-mark')); load(); });
onHistory(() => { readAddress(); load(); });
load();

function label(code) { const m = list.find((x) => x.code === code); return m ? `${m.name} (${m.code})` : code ?? ''; }

function readAddress() {
  $('a').value = param('a') ? label(param('a')) : '';
  $('b').value = param('b') ? label(param('b')) : '';
}

function choose() {
  const a = resolveMunicipality(list, $('a').value);
  const b = resolveMunicipality(list, $('b').value);
  const unknown = [[a, $('a').value], [b, $('b').value]].find(([code, text]) => !code && text.trim());
  if (unknown) { showError($('status'), new Error(t('web.noMatch', { text: unknown[1] })), 'error.input'); return; }
  setView({ a, b }, { push: true });
  load();
}

async function load() {
  const a = param('a');
  const b = param('b');
  if (!a || !b) { result = null; showNoticeKey($('status'), 'compare.choose'); ['figures', 'bodies', 'gaps'].forEach((id) => fill($(id))); return; }
  if (a === b) { result = null; showNoticeKey($('status'), 'compare.same'); return; }
  showLoading($('status'));
  try {
    const [da, db, hosts, centrality, ga, gb] = await Promise.all([
      api(`/api/municipalities/${encodeURIComponent(a)}`), api(`/api/municipalities/${encodeURIComponent(b)}`),
      api(`/api/analysis/hosts?scope=codes:${encodeURIComponent(a)},${encodeURIComponent(b)}`),
      api('/api/analysis/centrality?scope=all'),
      api(`/api/analysis/gaps?municipality=${encodeURIComponent(a)}`), api(`/api/analysis/gaps?municipality=${encodeURIComponent(b)}`)]);
    if (a !== param('a') || b !== param('b')) return;
    // The forms the analyses use by default (networks and initiatives are a layer of their own), as the ranks.
    const forms = cat?.model.defaultForms ?? [];
    [da, db].forEach((m) => { m.bodies = m.bodies.filter((x) => forms.includes(x.form)); });
    const coverage = await coverageFor(hosts, { scope: `codes:${a},${b}` }).catch(() => null);
    result = { a: da, b: db, hosts, centrality, gaps: [ga, gb], coverage };
    fill($('status'));
    showCoverage(coverage, { restsOn: centrality.restsOnIllustrative });
  } catch (e) {
    result = null;
    clearCoverage();
    showError($('status'), e);
    return;
  }
  render();
}

function render() {
  if (!result) return;
  const { a, b, hosts, centrality, gaps, coverage } = result;
  // A municipality without a complete list: its counts are what is known, the rest unknown, never "none".
  const unknown = (m) => isCovered(coverage, m.code) === false;
  const counted = (m, n) => (unknown(m) ? t('web.unknownKnown', { n }) : String(n));
  const hostOf = (m) => hosts.municipalities.find((x) => x.code === m.code);
  const vertex = (m) => centrality.vertices.find((v) => v.id === m.code);
  const hostable = (m) => m.bodies.filter((x) => cat?.model.form[x.form]?.requiresHost);
  const rows = [
    ['compare.row.bodies', (m) => counted(m, m.bodies.length)],
    ['compare.row.hostRoles', (m) => counted(m, hostOf(m)?.hostRoles ?? 0)],
    ['compare.row.hostedShare', (m) => { if (unknown(m)) return t('web.unknown'); const h = hostable(m); return h.length ? `${formatPercent(h.filter((x) => x.role === 'HOST').length / h.length)} (${h.filter((x) => x.role === 'HOST').length} / ${h.length})` : '–'; }],
    ['compare.row.seats', (m) => String(hostOf(m)?.seats ?? 0)],
    ['compare.row.dependency', (m) => { if (unknown(m)) return t('web.unknown'); const d = hostOf(m)?.dependency; return d ? t('compare.dependencyText', { share: formatPercent(d.share), host: d.hostName ?? d.host, n: d.hostedByHost, of: d.participations }) : t('web.noDependency'); }],
    ['compare.row.partners', (m) => String(vertex(m)?.degree ?? 0)],
    ['compare.row.betweenness', (m) => { const v = vertex(m); if (v && (v.brokerRole === false || v.betweenness === 0)) return t('web.noBrokerRole'); return v ? t('compare.rankText', { rank: v.ranks.betweenness, n: centrality.vertexCount, value: formatNumber(v.betweenness, 4) }) : t('compare.notInP'); }],
    ['compare.row.constraint', (m) => { const v = vertex(m); return v?.constraint !== null && v?.constraint !== undefined ? `${formatNumber(v.constraint, 3)} (${v.ranks.constraint})` : '–'; }],
    ['compare.row.articulation', (m) => (vertex(m)?.articulationPoint ? t('common.yes') : t('common.no'))],
    ['compare.row.gaps', (m, i) => (unknown(m) ? t('map.noDataValue') : String(gaps[i].gaps.length))],
  ];
  fill($('figures'), el('table', { id: 'compare-table' },
    el('caption', { text: t('compare.caption', { date: a.asOf }) }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', i18n: 'compare.measure' }),
      [a, b].map((m) => el('th', { scope: 'col' }, el('a', { href: pageLink('index.html', { code: m.code }), text: m.name }))))),
    el('tbody', {}, rows.map(([key, value]) => el('tr', { dataset: { row: key.slice(12) } },
      el('th', { scope: 'row', i18n: key }), el('td', { text: value(a, 0) }), el('td', { text: value(b, 1) }))))));
  const idsB = new Set(b.bodies.map((x) => x.id));
  const idsA = new Set(a.bodies.map((x) => x.id));
  const common = a.bodies.filter((x) => idsB.has(x.id));
  const onlyA = a.bodies.filter((x) => !idsB.has(x.id));
  const onlyB = b.bodies.filter((x) => !idsA.has(x.id));
  const roleOf = (m, id) => m.bodies.find((x) => x.id === id)?.role;
  const bodyItem = (x, roles) => el('li', {}, el('span', { translate: 'no', text: x.name }), ` (${formLabel(x.form)}${roles ? '; ' + roles : ''})`, x.illustrative ? illustrativeBadge() : null);
  fill($('bodies'), el('div', { class: 'columns-3' },
    el('section', { id: 'bodies-common' }, el('h3', { i18n: 'compare.common', vars: { n: common.length } }),
      common.length ? el('ul', {}, common.map((x) => bodyItem(x, `${a.name}: ${roleLabel(roleOf(a, x.id))}, ${b.name}: ${roleLabel(roleOf(b, x.id))}`)))
        : el('p', { i18n: 'common.none' })),
    el('section', { id: 'bodies-only-a' }, el('h3', { i18n: 'compare.only', vars: { name: a.name, n: onlyA.length } }),
      onlyA.length ? el('ul', {}, onlyA.map((x) => bodyItem(x, roleLabel(x.role)))) : el('p', { i18n: 'common.none' })),
    el('section', { id: 'bodies-only-b' }, el('h3', { i18n: 'compare.only', vars: { name: b.name, n: onlyB.length } }),
      onlyB.length ? el('ul', {}, onlyB.map((x) => bodyItem(x, roleLabel(x.role)))) : el('p', { i18n: 'common.none' }))));
  const areas = [...new Set(gaps.flatMap((g) => g.gaps.map((x) => x.area)))].sort();
  const strength = (g, area) => g.gaps.find((x) => x.area === area)?.strength;
  fill($('gaps'), areas.length ? el('table', { id: 'compare-gaps' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', i18n: 'common.area' }),
      [a, b].map((m) => el('th', { scope: 'col', class: 'num', text: m.name })))),
    el('tbody', {}, areas.map((area) => el('tr', { dataset: { area } },
      el('td', {}, el('a', { href: pageLink('luckor.html', { area }), text: areaName(cat, area) })),
      gaps.map((g) => el('td', { class: 'num', text: strength(g, area) === undefined ? '–' : formatPercent(strength(g, area)) }))))))
    : el('p', { i18n: 'compare.noGaps' }));
}
