// Ändringar: the audit trail (GET /api/changes), newest first. Every value is data: text nodes only.
import { initPage, t, el, fill, api, showError, showNotice, showLoading, onLangChange, param, setParam } from './common.js';

const $ = (id) => document.getElementById(id);
let rows = [];
// The trail stores instants (UTC); shown as Swedish time, the zone every date of the app is in.
const TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const swedishTime = (iso) => TIME.format(new Date(iso.replace(/(\.\d{3})\d+/, '$1')));

await initPage('changes');
$('entity').value = param('entity') || '';
$('user').value = param('user') || '';
$('since').value = param('since') || '';
$('controls').addEventListener('submit', (e) => { e.preventDefault(); load(); });
onLangChange(render);
load();

async function load() {
  const query = new URLSearchParams();
  for (const name of ['entity', 'user', 'since']) {
    const value = $(name).value.trim();
    setParam(name, value);
    if (value) query.set(name, value);
  }
  showLoading($('status'));
  try {
    rows = await api('/api/changes?' + query.toString(), { date: false });
    fill($('status'));
    render();
  } catch (e) { showError($('status'), e); }
}

function render() {
  if (!rows.length) { fill($('changes')); showNotice($('status'), t('changes.none')); return; }
  const head = el('tr', {}, ['changes.at', 'changes.user', 'changes.action', 'changes.entity', 'changes.field',
    'changes.before', 'changes.after', 'changes.reason'].map((key) => el('th', { scope: 'col', i18n: key })));
  const body = rows.map((c) => el('tr', {},
    el('td', { text: swedishTime(c.at) }),
    el('td', { text: c.user ?? '' }),
    el('td', { text: t('changes.action.' + c.action) }),
    el('td', {}, c.entityType === 'Body' && c.entityId
      ? el('a', { href: 'redigera.html?id=' + encodeURIComponent(c.entityId), text: c.entityId }) : (c.entityId ?? c.entityType)),
    el('td', { text: c.field ?? '' }),
    el('td', { text: c.before ?? '' }),
    el('td', { text: c.after ?? '' }),
    el('td', { text: c.reason ?? '' })));
  fill($('changes'), el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, body)));
}
