// Ändringslogg: the audit trail (GET /api/changes), newest first, told as sentences: the entries of one edit
// (same time, user, body and reason) become one row, e.g. "Skövde lämnade värdskapet för IT-nämnden den
// 2026-01-01; Tibro blev värd." The stored fields stay one click away. Every value is data: text nodes only.
import {
  initPage, t, el, fill, api, showError, showNoticeKey, showLoading, onLangChange, onHistory, param, setView,
  loadMunicipalities, loadCatalogue, areaName, roleLabel, pageLink,
} from './common.js';

const $ = (id) => document.getElementById(id);
let rows = [];
let names = {};
let bodyNames = {};
let goalNames = {};
let cat = null;
// The trail stores instants (UTC); shown as Swedish time, the zone every date of the app is in.
const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const swedishTime = (iso) => TIME.format(new Date(iso.replace(/(\.\d{3})\d+/, '$1')));

await initPage('changes');
const directory = Promise.all([loadMunicipalities().catch(() => []), api('/api/actors', { date: false }).catch(() => []),
  loadCatalogue().catch(() => null), api('/api/goals', { date: false }).catch(() => [])])
  .then(([municipalities, actors, catalogue, goals]) => {
    names = Object.fromEntries([...municipalities.map((m) => [m.code, m.name]), ...actors.map((a) => [a.id, a.name])]);
    cat = catalogue;
    goalNames = Object.fromEntries(goals.map((g) => [g.id, g.name ?? g.id]));
  });
readAddress();
$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose(); });
onLangChange(render);
onHistory(() => { readAddress(); load(); });
load();

function readAddress() {
  $('entity').value = param('entity') || '';
  $('user').value = param('user') || '';
  $('since').value = param('since') || '';
}

function choose() {
  setView({ entity: $('entity').value.trim(), user: $('user').value.trim(), since: $('since').value }, { push: true });
  load();
}

async function load() {
  const query = new URLSearchParams();
  for (const name of ['entity', 'user', 'since']) {
    const value = param(name);
    if (value) query.set(name, value);
  }
  showLoading($('status'));
  try {
    rows = await api('/api/changes?' + query.toString(), { date: false });
    await directory;
    await loadBodyNames();
    fill($('status'));
    render();
  } catch (e) { showError($('status'), e); }
}

/**
 * The names of the bodies in the trail: the newest name the trail itself holds (a body made or renamed on the
 * page, or purged: its last name), else the body's own (a body loaded from a bundle).
 */
async function loadBodyNames() {
  rows.forEach((c) => {
    if (c.entityType === 'Body' && c.field === 'name' && !(c.entityId in bodyNames)) bodyNames[c.entityId] = c.after ?? c.before;
  });
  const ids = [...new Set(rows.filter((c) => c.entityType === 'Body' && c.entityId).map((c) => c.entityId))]
    .filter((id) => !(id in bodyNames)).slice(0, 100);
  const answers = await Promise.allSettled(ids.map((id) => api(`/api/bodies/${encodeURIComponent(id)}`, { date: false })));
  answers.forEach((a, i) => { bodyNames[ids[i]] = a.status === 'fulfilled' ? a.value.name : null; });
}

/** One edit: the entries written together (same instant, user, body and reason). */
function groups() {
  const out = [];
  rows.forEach((c) => {
    const last = out[out.length - 1];
    if (last && last.at === c.at && last.user === c.user && last.entityId === c.entityId && last.reason === c.reason) {
      last.entries.push(c);
    } else {
      out.push({ at: c.at, user: c.user, entityId: c.entityId, entityType: c.entityType, reason: c.reason, action: c.action, entries: [c] });
    }
  });
  return out;
}

const ROW = /^(\S*) (\S*)\.\.(\S*)/;
/** "party 1496 HOST from 2013-01-01" and "HOST 2013-01-01..2026-01-01 source x" as parts. */
function partyEntry(c) {
  const field = c.field.match(/^party (\S+) (\S+) from (.+)$/);
  if (!field) return null;
  const before = c.before?.match(ROW);
  const after = c.after?.match(ROW);
  return { party: field[1], role: field[2], from: field[3] === 'the start' ? null : field[3],
    toBefore: before ? before[3] || null : undefined, toAfter: after ? after[3] || null : undefined,
    added: !c.before && !!c.after, removed: !!c.before && !c.after };
}

function who(code) { return names[code] ?? code; }

/** The sentences of one edit. */
function sentences(group) {
  const body = bodyNames[group.entityId] ?? group.entityId;
  if (group.action === 'PURGE') return [t('changes.s.purged', { body })];
  if (group.action === 'LOAD') {
    // "57 bodies: id, id, …": how many, and the first few by id (the fields below hold them all).
    return group.entries.map((c) => {
      const m = (c.after ?? '').match(/^(\d+) bodies: (.*)$/s);
      return m ? t('changes.s.loaded', { n: m[1], first: m[2].split(', ').slice(0, 5).join(', ') + (Number(m[1]) > 5 ? ' …' : '') })
        : t('changes.action.LOAD');
    });
  }
  const out = [];
  if (group.action === 'CREATE') out.push(t('changes.s.created', { body }));
  const parties = group.entries.map((c) => ({ c, p: partyEntry(c) })).filter((x) => x.p);
  const ended = parties.filter(({ p }) => !p.added && !p.removed && p.toAfter && p.toAfter !== p.toBefore);
  const started = parties.filter(({ p }) => p.added);
  const used = new Set();
  // A host handover: one HOST row ends on a day and another party's HOST row starts that day.
  ended.filter(({ p }) => p.role === 'HOST').forEach((old) => {
    const next = started.find(({ p }) => p.role === 'HOST' && p.from === old.p.toAfter && p.party !== old.p.party);
    if (!next) return;
    out.push(t('changes.s.handover', { old: who(old.p.party), body, date: old.p.toAfter, next: who(next.p.party) }));
    used.add(old.c); used.add(next.c);
    parties.filter(({ p }) => (p.party === old.p.party && p.added && p.from === old.p.toAfter)
      || (p.party === next.p.party && !p.added && p.toAfter === old.p.toAfter)).forEach(({ c }) => used.add(c));
  });
  // A role change: a party's row ends on a day and a row of the same party with another role starts then.
  ended.filter(({ c }) => !used.has(c)).forEach((old) => {
    const next = started.find(({ c, p }) => !used.has(c) && p.party === old.p.party && p.from === old.p.toAfter && p.role !== old.p.role);
    if (!next) return;
    out.push(t('changes.s.role', { party: who(old.p.party), body, date: old.p.toAfter, role: roleLabel(next.p.role), was: roleLabel(old.p.role) }));
    used.add(old.c); used.add(next.c);
  });
  group.entries.filter((c) => !used.has(c)).forEach((c) => {
    const p = partyEntry(c);
    if (p) {
      if (p.added) out.push(t('changes.s.joined', { party: who(p.party), body, role: roleLabel(p.role), date: p.from ?? t('changes.s.start') }));
      else if (p.removed) out.push(t('changes.s.rowRemoved', { party: who(p.party), body, role: roleLabel(p.role) }));
      else if (p.toAfter && p.toAfter !== p.toBefore) out.push(t(p.role === 'HOST' ? 'changes.s.leftHost' : 'changes.s.left', { party: who(p.party), body, date: p.toAfter }));
      else out.push(t('changes.s.rowChanged', { party: who(p.party), body, role: roleLabel(p.role) }));
      return;
    }
    const area = c.field?.match(/^area (.+)$/);
    const goal = c.field?.match(/^goal (.+)$/);
    const link = c.field?.match(/^link (\S+) (\S+) from (.+)$/);
    if (area) out.push(t(c.after ? 'changes.s.areaAdded' : 'changes.s.areaRemoved', { area: areaName(cat, area[1]), body }));
    else if (goal) out.push(t(c.after ? 'changes.s.goalAdded' : 'changes.s.goalRemoved', { goal: goalNames[goal[1]] ?? goal[1], body }));
    else if (link) out.push(t(!c.before ? 'changes.s.linkAdded' : 'changes.s.linkChanged', { network: bodyNames[link[1]] ?? link[1], body, kind: t('linkKind.' + link[2]) }));
    else if (group.action === 'CREATE') { /* the new body's fields: said by "created" */ }
    else if (c.field) out.push(t('changes.s.field', { field: t('changes.field.' + c.field), body, before: c.before ?? '–', after: c.after ?? '–' }));
    else out.push(t('changes.action.' + c.action));
  });
  return out;
}

function render() {
  if (!rows.length) { fill($('changes')); showNoticeKey($('status'), 'changes.none'); return; }
  const head = el('tr', {}, ['changes.at', 'changes.entity', 'changes.what']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const body = groups().map((g) => el('tr', { dataset: { entity: g.entityId ?? '', user: g.user ?? '' } },
    el('td', { text: swedishTime(g.at) }),
    el('td', {}, g.entityType === 'Body' && g.entityId
      ? el('a', { href: pageLink('redigera.html', { id: g.entityId }), translate: 'no', text: bodyNames[g.entityId] ?? g.entityId })
      : g.action === 'LOAD' ? el('span', { i18n: 'changes.bundle' }) : (g.entityId ?? '')),
    el('td', {}, el('ul', { class: 'sentences' }, sentences(g).map((s) => el('li', { text: s })),
      // The reason and the user are what people typed: data, not messages.
      el('li', { class: 'by' }, g.reason ? [el('span', { i18n: 'changes.s.reason' }), ' ',
        el('span', { translate: 'no', text: g.reason }), '; '] : null,
      el('span', { i18n: g.reason ? 'changes.s.byAfterReason' : 'changes.s.by' }), ' ',
      el('span', { translate: 'no', text: g.user ?? '' }), '.')),
      el('details', { class: 'fields' }, el('summary', { i18n: 'changes.fields', vars: { n: g.entries.length } }),
        el('table', { class: 'data', translate: 'no' }, el('thead', {}, el('tr', {}, ['changes.field', 'changes.before', 'changes.after']
          .map((k) => el('th', { scope: 'col', i18n: k })))),
        el('tbody', {}, g.entries.map((c) => el('tr', {}, el('td', { text: c.field ?? '' }), el('td', { text: c.before ?? '' }),
          el('td', { text: c.after ?? '' })))))))));
  fill($('changes'), el('table', { class: 'data', id: 'changes-table' }, el('thead', {}, head), el('tbody', {}, body)));
}
