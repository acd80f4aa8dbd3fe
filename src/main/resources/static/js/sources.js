// Källor: every source the data rests on (GET /api/sources), with the facts resting on each. Citations are
// data: text nodes only; an address becomes a link only when it is http(s).
import { initPage, t, el, fill, api, showError, showNotice, showLoading, onLangChange,
  illustrativeBadge, formatNumber } from './common.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['bodies', 'parties', 'conveners', 'links', 'actors', 'goals', 'coverage', 'serviceAreas'];
let catalogue = null;

await initPage('sources');
// Real data only is the header's switch (common.js): api() then asks with illustrative=false.
onLangChange(render);
load();

async function load() {
  showLoading($('status'));
  try {
    catalogue = await api('/api/sources', { date: false });
    fill($('status'));
    render();
  } catch (e) { showError($('status'), e); }
}

function render() {
  if (!catalogue) return;
  if (!catalogue.sources.length) { fill($('sources')); fill($('summary')); showNotice($('status'), t('sources.none')); return; }
  fill($('summary'), t('sources.summary', { sources: formatNumber(catalogue.count, 0), facts: formatNumber(catalogue.facts, 0) }));
  const head = el('tr', {}, ['sources.source', 'sources.read', 'sources.facts', 'sources.kinds']
    .map((key) => el('th', { scope: 'col', i18n: key })));
  const rows = catalogue.sources.map((s) => el('tr', {},
    el('td', {}, citation(s), s.illustrative ? illustrativeBadge() : null),
    el('td', { text: s.read ?? '' }),
    el('td', { class: 'num', text: formatNumber(s.facts, 0) }),
    el('td', { text: kinds(s.counts) })));
  const without = Object.keys(catalogue.withoutSource || {}).length
    ? el('tr', {}, el('td', { i18n: 'sources.withoutSource' }), el('td'),
      el('td', { class: 'num', text: formatNumber(Object.values(catalogue.withoutSource).reduce((a, b) => a + b, 0), 0) }),
      el('td', { text: kinds(catalogue.withoutSource) }))
    : null;
  fill($('sources'), el('table', { class: 'data sources-table' }, el('thead', {}, head), el('tbody', {}, rows, without)));
}

function citation(source) {
  const label = source.illustrative ? t('sources.illustrative') : source.label;
  if (source.url && /^https?:\/\//.test(source.url)) {
    return el('span', {}, label, ' ', el('a', { href: source.url, rel: 'noopener noreferrer', text: source.url }));
  }
  return el('span', { text: label });
}

function kinds(counts) {
  return KINDS.filter((k) => counts[k]).map((k) => `${formatNumber(counts[k], 0)} ${t('sources.kind.' + k)}`).join(', ');
}
