// Värdkoncentration: host shares, HHI, HHI*, CR1, CR3 and Gini for a scope, and each municipality's
// dependency on one single host.
import {
  initPage, t, el, clear, fill, api, showError, showNoticeKey, showLoading, loadCatalogue, fillSelect, pick,
  formatNumber, formatPercent, onLangChange, onDateChange, onHistory, markDataset, param, setView, loadOverview, pageLink,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage, itemBadge } from './coverage.js';

const $ = (id) => document.getElementById(id);
let cat = null;
let federations = [];
let result = null;

await initPage('hosts');
try {
  [cat, federations] = await Promise.all([loadCatalogue(),
    loadOverview().then((o) => o.federations)]);
} catch (e) { showError($('status'), e); }
fillControls();
restore();
markDataset($('dataset-mark'));
$('scope-kind').addEventListener('change', () => { syncFields(); if ($('scope-kind').value !== 'codes') choose(); });
['county', 'federation', 'filter'].forEach((id) => $(id).addEventListener('change', () => choose()));
$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose(); });
onHistory(() => { restore(); load(); });
onLangChange(() => { fillControls(); render(); });
onDateChange(async () => {
  markDataset($('dataset-mark'));
  try { federations = (await loadOverview()).federations; fillControls(); } catch (e) { /* shown by load */ }
  load();
});
load();

function fillControls() {
  fillSelect($('county'), (cat?.counties ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` })));
  fillSelect($('federation'), federations.map((f) => ({ value: f.id,
    text: `${f.name}${f.illustrative ? ' – ' + t('illustrative.badge') : ''}` })));
  const filter = $('filter');
  const chosen = filter.value;
  fill(filter, el('option', { value: '', text: t('hosts.noFilter') }),
    el('optgroup', { label: t('hosts.sectors') }, (cat?.sectors ?? []).map((s) =>
      el('option', { value: 'sector:' + s.id, text: pick(s, 'name') }))),
    el('optgroup', { label: t('hosts.areas') }, (cat?.areas ?? []).map((a) =>
      el('option', { value: 'area:' + a.id, text: pick(a, 'name') }))));
  filter.value = chosen;
  syncFields();
}

function choose() {
  setView({ scope: scope(), filter: $('filter').value }, { push: true });
  load();
}

function restore() {
  const scope = param('scope');
  if (scope?.startsWith('county:')) { $('scope-kind').value = 'county'; $('county').value = scope.slice(7); }
  else if (scope?.startsWith('federation:')) { $('scope-kind').value = 'federation'; $('federation').value = scope.slice(11); }
  else if (scope?.startsWith('codes:')) { $('scope-kind').value = 'codes'; $('codes').value = scope.slice(6); }
  else if (scope === 'all') { $('scope-kind').value = 'all'; }
  else if (!scope && cat?.counties.some((c) => c.code === '14')) { $('scope-kind').value = 'county'; $('county').value = '14'; }
  $('filter').value = param('filter') ?? '';
  syncFields();
}

function syncFields() {
  const kind = $('scope-kind').value;
  $('county-field').hidden = kind !== 'county';
  $('federation-field').hidden = kind !== 'federation';
  $('codes-field').hidden = kind !== 'codes';
}

function scope() {
  const kind = $('scope-kind').value;
  if (kind === 'county') return 'county:' + $('county').value;
  if (kind === 'federation') return 'federation:' + $('federation').value;
  if (kind === 'codes') return 'codes:' + $('codes').value.replace(/\s+/g, '');
  return 'all';
}

async function load() {
  const s = scope();
  const filter = $('filter').value;
  setView({ scope: s, filter });
  let query = 'scope=' + encodeURIComponent(s);
  if (filter) query += `&${filter.split(':')[0]}=${encodeURIComponent(filter.split(':')[1])}`;
  showLoading($('status'));
  try {
    result = await api('/api/analysis/hosts?' + query);
    clear($('status'));
    // N counts the municipalities covered for the hosting forms (joint committees and agreements).
    showCoverage(await coverageFor(result, { scope: s, forms: ['JOINT_COMMITTEE', 'AGREEMENT'] }).catch(() => null));
  } catch (e) {
    result = null;
    clearCoverage();
    showError($('status'), e);
    ['figures', 'bars', 'dependency'].forEach((id) => clear($(id)));
    return;
  }
  render();
}

function figure(key, value) {
  return el('div', { class: 'figure', dataset: { measure: key } },
    el('div', { class: 'label', text: t('hosts.m.' + key) }),
    el('div', { class: 'value', text: value }),
    el('div', { class: 'explain', text: t('hosts.m.' + key + '.explain') }));
}

function render() {
  if (!result) return;
  const r = result;
  const nFigure = figure('n', String(r.n));
  if (r.scopeSize !== undefined && r.scopeSize !== r.n) {
    nFigure.append(el('div', { class: 'explain', id: 'n-of-scope', text: t('hosts.nOfScope', { n: r.n, of: r.scopeSize }) }));
  }
  fill($('figures'),
    nFigure,
    figure('hostRoles', String(r.hostRoles)),
    figure('hhi', formatNumber(r.hhi, 4)),
    figure('hhiNormalised', formatNumber(r.hhiNormalised, 4)),
    figure('cr1', formatPercent(r.cr1, 1)),
    figure('cr3', formatPercent(r.cr3, 1)),
    figure('gini', formatNumber(r.gini, 4)));
  if (r.hhi === null) {
    $('figures').append(el('p', { class: 'message notice', role: 'status', i18n: 'hosts.noHosts' }));
  }
  const notes = [];
  if (r.hostRolesOutsideScope) notes.push(t('hosts.outside', { n: r.hostRolesOutsideScope }));
  if (r.hostRolesNotCovered) notes.push(t('hosts.notCovered', { n: r.hostRolesNotCovered }));
  notes.push(t('hosts.seats', { n: r.seats }));
  $('figures').append(el('p', { class: 'small', text: notes.join(' ') }));

  const hosts = r.municipalities.filter((m) => m.hostRoles > 0);
  const bars = $('bars');
  if (!hosts.length) showNoticeKey(bars, 'hosts.noHosts');
  else {
    const max = Math.max(...hosts.map((m) => m.share ?? 0));
    fill(bars, el('ul', { class: 'bars', id: 'host-bars', 'aria-label': t('hosts.bars') }, hosts.map((m) =>
      el('li', { dataset: { code: m.code } },
        el('span', {}, `${m.name} (${m.hostRoles})`, itemBadge(m)),
        el('span', { class: 'bar-track' }, el('span', { class: 'bar', style: `display:block;width:${max ? (100 * (m.share ?? 0)) / max : 0}%` })),
        // An uncovered municipality's roles are known but not part of the shares: "ingen data", not 0 %.
        el('span', { class: 'num', text: m.covered === false ? t('map.noDataValue') : formatPercent(m.share, 1) })))));
  }

  const dependent = r.municipalities.filter((m) => m.dependency)
    .sort((a, b) => b.dependency.share - a.dependency.share || a.code.localeCompare(b.code));
  const dep = $('dependency');
  if (!dependent.length) { showNoticeKey(dep, 'hosts.noDependency'); return; }
  fill(dep, el('table', { id: 'dependency-table' },
    el('thead', {}, el('tr', {}, ['common.municipality', 'hosts.host', 'hosts.hosted', 'hosts.share']
      .map((k, i) => el('th', { scope: 'col', class: i >= 2 ? 'num' : null, text: t(k) })))),
    el('tbody', {}, dependent.map((m) => el('tr', {},
      el('td', {}, el('a', { href: pageLink('index.html', { code: m.code }), text: m.name }),
        itemBadge(m.dependency) ?? itemBadge(m)),
      el('td', { text: `${m.dependency.hostName ?? m.dependency.host} (${m.dependency.host})` }),
      el('td', { class: 'num', text: `${m.dependency.hostedByHost} / ${m.dependency.participations}` }),
      el('td', { class: 'num', text: formatPercent(m.dependency.share, 0) }))))));
}
