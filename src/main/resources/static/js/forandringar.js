// Förändringar: what changed between two dates (domain.md item 7, /api/snapshots/diff): bodies started and
// ended, parties joined and left, hosts and roles changed, network links made and ended, filtered by
// municipality, federation, form and area, each row linking to its body; the same as CSV. Dates and filters
// are in the address. The municipality filter keeps the changes of the bodies the municipality is in on either
// date and the changes of its own rows (asked of /api/municipalities on both dates); the others are the API's.
import {
  initPage, t, el, fill, api, showError, showLoading, showNoticeKey, loadCatalogue, loadMunicipalities, loadOverview,
  fillSelect, pick, formLabel, roleLabel, illustrativeBadge, onLangChange, onHistory, param, setView, asOf,
  resolveMunicipality, pageLink, withRealOnly,
} from './common.js';
import { coverageFor, showCoverage, clearCoverage } from './coverage.js';
import { download } from './graph.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['BODY_STARTED', 'BODY_ENDED', 'PARTY_JOINED', 'PARTY_LEFT', 'HOST_CHANGED', 'ROLE_CHANGED', 'LINK_MADE', 'LINK_ENDED'];
const CSV_HEADER = ['change', 'body', 'body_name', 'form', 'party', 'party_name', 'before', 'after', 'illustrative'];
let cat = null;
let list = [];
let federations = [];
let rows = null;
let answer = null;

await initPage('diff');
try {
  [cat, list, federations] = await Promise.all([loadCatalogue(), loadMunicipalities(),
    loadOverview().then((o) => o.federations)]);
} catch (e) { showError($('status'), e); }
fill($('municipality-list'), list.map((m) => el('option', { value: `${m.name} (${m.code})` })));
fillControls();
readAddress();
$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose(); });
onLangChange(() => { fillControls(); readAddress(); render(); });
onHistory(() => { readAddress(); load(); });
load();

function today() { return asOf() || new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()); }
function yearBefore(d) { return `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`; }

function fillControls() {
  fillSelect($('federation'), [{ value: '', text: t('diff.anyFederation') },
    ...federations.map((f) => ({ value: f.id, text: f.name + (f.illustrative ? ' – ' + t('illustrative.badge') : '') }))]);
  fillSelect($('form'), [{ value: '', text: t('diff.anyForm') },
    ...(cat?.model.forms ?? []).map((f) => ({ value: f.id, text: formLabel(f.id) }))]);
  fillSelect($('area'), [{ value: '', text: t('common.allAreas') },
    ...(cat?.areas ?? []).map((a) => ({ value: a.id, text: pick(a, 'name') }))]);
}

function readAddress() {
  const to = param('to') || today();
  $('to').value = to;
  $('from').value = param('from') || yearBefore(to);
  const code = param('municipality');
  const m = list.find((x) => x.code === code);
  $('municipality').value = m ? `${m.name} (${m.code})` : code ?? '';
  $('federation').value = param('federation') ?? '';
  $('form').value = param('form') ?? '';
  $('area').value = param('area') ?? '';
}

function choose() {
  const text = $('municipality').value.trim();
  const code = text ? resolveMunicipality(list, text) : '';
  if (text && !code) { showError($('status'), new Error(t('web.noMatch', { text })), 'error.input'); return; }
  setView({ from: $('from').value, to: $('to').value === today() ? null : $('to').value, municipality: code,
    federation: $('federation').value, form: $('form').value, area: $('area').value }, { push: true });
  load();
}

/** The API's filters (all but the municipality) as a query. */
function query(format) {
  const q = new URLSearchParams({ from: $('from').value, to: $('to').value, format });
  if (param('federation')) q.set('federation', param('federation'));
  if (param('form')) q.set('forms', param('form'));
  if (param('area')) q.set('area', param('area'));
  return q.toString();
}

async function load() {
  if (!$('from').value || !$('to').value) { showNoticeKey($('status'), 'diff.choose'); return; }
  if ($('from').value >= $('to').value) { showNoticeKey($('status'), 'diff.order'); fill($('changes')); return; }
  showLoading($('status'));
  const code = param('municipality');
  try {
    const [diff, before, after] = await Promise.all([api('/api/snapshots/diff?' + query('json'), { date: false }),
      code ? api(`/api/municipalities/${encodeURIComponent(code)}?asOf=${$('from').value}`, { date: false }) : null,
      code ? api(`/api/municipalities/${encodeURIComponent(code)}?asOf=${$('to').value}`, { date: false }) : null]);
    answer = { diff: diff.diff, code, bodies: code ? new Set([...before.bodies, ...after.bodies].map((b) => b.id)) : null,
      name: after?.name };
    fill($('status'));
    // What the diff can show rests on what the data holds on the later date.
    coverageFor(diff, { scope: code ? 'codes:' + code : 'all', asOf: $('to').value })
      .then((cov) => showCoverage(cov), () => clearCoverage());
  } catch (e) {
    answer = null;
    clearCoverage();
    showError($('status'), e);
    fill($('changes'));
    return;
  }
  render();
}

/** The diff as rows with the API's CSV columns, in the order of KINDS. */
function toRows(d) {
  const out = [];
  d.bodiesStarted.forEach((b) => out.push({ change: 'BODY_STARTED', body: b.body, body_name: b.name, form: b.form, illustrative: b.illustrative }));
  d.bodiesEnded.forEach((b) => out.push({ change: 'BODY_ENDED', body: b.body, body_name: b.name, form: b.form, illustrative: b.illustrative }));
  d.partiesJoined.forEach((p) => out.push({ change: 'PARTY_JOINED', body: p.body, body_name: p.bodyName, party: p.party,
    party_name: p.partyName, after: p.role, illustrative: p.illustrative }));
  d.partiesLeft.forEach((p) => out.push({ change: 'PARTY_LEFT', body: p.body, body_name: p.bodyName, party: p.party,
    party_name: p.partyName, before: p.role, illustrative: p.illustrative }));
  d.hostsChanged.forEach((h) => out.push({ change: 'HOST_CHANGED', body: h.body, body_name: h.name,
    before: h.before.join(';'), after: h.after.join(';'), hosts: h }));
  d.rolesChanged.forEach((r) => out.push({ change: 'ROLE_CHANGED', body: r.body, body_name: r.bodyName, party: r.party,
    party_name: r.partyName, before: r.before, after: r.after }));
  d.linksMade.forEach((l) => out.push({ change: 'LINK_MADE', body: l.a, body_name: l.aName, party: l.b, party_name: l.bName,
    after: l.kind, illustrative: l.illustrative }));
  d.linksEnded.forEach((l) => out.push({ change: 'LINK_ENDED', body: l.a, body_name: l.aName, party: l.b, party_name: l.bName,
    before: l.kind, illustrative: l.illustrative }));
  return out;
}

function keep(row) {
  if (!answer.code) return true;
  return answer.bodies.has(row.body) || row.party === answer.code || (row.change.startsWith('LINK') && answer.bodies.has(row.party))
    || (row.hosts && [...row.hosts.before, ...row.hosts.after].includes(answer.code));
}

function name(code) { return list.find((m) => m.code === code)?.name ?? code; }

function detail(row) {
  switch (row.change) {
    case 'PARTY_JOINED': return t('diff.joinedAs', { party: row.party_name ?? row.party, role: roleLabel(row.after) });
    case 'PARTY_LEFT': return t('diff.leftAs', { party: row.party_name ?? row.party, role: roleLabel(row.before) });
    case 'HOST_CHANGED': return t('diff.hostFromTo', { before: row.hosts.before.map(name).join(', ') || t('common.none'),
      after: row.hosts.after.map(name).join(', ') || t('common.none') });
    case 'ROLE_CHANGED': return t('diff.roleFromTo', { party: row.party_name ?? row.party, before: roleLabel(row.before), after: roleLabel(row.after) });
    case 'LINK_MADE': case 'LINK_ENDED':
      return t('diff.link', { other: row.party_name ?? row.party, kind: t('linkKind.' + (row.after ?? row.before)) });
    default: return row.form ? formLabel(row.form) : '';
  }
}

function render() {
  if (!answer) return;
  rows = toRows(answer.diff).filter(keep);
  const counts = Object.fromEntries(KINDS.map((k) => [k, rows.filter((r) => r.change === k).length]));
  fill($('summary'), t('diff.summary', { from: answer.diff.from, to: answer.diff.to, n: rows.length }),
    answer.code ? ' ' + t('diff.forMunicipality', { name: answer.name ?? answer.code }) : '', ' ',
    KINDS.filter((k) => counts[k]).map((k) => `${t('diff.kind.' + k)}: ${counts[k]}`).join(' · '));
  renderDownloads();
  if (!rows.length) { showNoticeKey($('changes'), 'diff.none'); return; }
  fill($('changes'), el('table', { id: 'diff-table' },
    el('caption', { text: t('diff.caption', { from: answer.diff.from, to: answer.diff.to }) }),
    el('thead', {}, el('tr', {}, ['diff.change', 'common.body', 'diff.what'].map((k) => el('th', { scope: 'col', i18n: k })))),
    el('tbody', {}, rows.map((r) => el('tr', { dataset: { change: r.change, body: r.body } },
      el('td', { class: r.change.endsWith('ENDED') || r.change === 'PARTY_LEFT' ? 'change-removed' : null, i18n: 'diff.kind.' + r.change }),
      el('td', {}, el('a', { href: pageLink('redigera.html', { id: r.body }), translate: 'no', text: r.body_name ?? r.body }),
        r.illustrative ? illustrativeBadge() : null),
      el('td', { text: detail(r) }))))));
}

/** The CSV: the API's own file; with a municipality chosen, the rows shown in the API's columns. */
function renderDownloads() {
  const name = `samverkansvaven-forandringar-${answer.diff.from}--${answer.diff.to}${answer.code ? '-' + answer.code : ''}.csv`;
  if (!answer.code) {
    fill($('downloads'), el('a', { class: 'button-link', id: 'csv-link', href: withRealOnly('/api/snapshots/diff?' + query('csv')), download: name, i18n: 'diff.csv' }));
    return;
  }
  fill($('downloads'), el('button', { type: 'button', class: 'secondary', id: 'csv-link', i18n: 'diff.csv', on: { click: () => {
    const cell = (v) => { const s = v === undefined || v === null ? '' : String(v); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
    const text = [CSV_HEADER.join(','), ...rows.map((r) => CSV_HEADER.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
    download(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
  } } }));
}
