// Ändringar: the audit trail (GET /api/changes), newest first. Every value is data: text nodes only.
import { initPage, t, el, fill, api, showError, showNotice, showLoading, onLangChange, param, setParam } from './common.js';

const $ = (id) => document.getElementById(id);
let rows = [];

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
    el('td', { text: c.at.replace('T', ' ').slice(0, 19) }),
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
