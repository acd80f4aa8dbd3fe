// Shared by every page: messages in Swedish and English, the header, API calls with clear errors, and a
// small DOM builder. Text from data is only ever set with textContent (never innerHTML), so a body named
// "<script>" shows as text.

const LANGS = ['sv', 'en'];
const messages = {};
let current = 'sv';
const langListeners = [];
const dateListeners = [];

export const PAGES = [
  { id: 'web', href: 'index.html', key: 'nav.web' },
  { id: 'map', href: 'karta.html', key: 'nav.map' },
  { id: 'gaps', href: 'luckor.html', key: 'nav.gaps' },
  { id: 'hosts', href: 'vardkoncentration.html', key: 'nav.hosts' },
  { id: 'networks', href: 'natverk.html', key: 'nav.networks' },
  { id: 'timeline', href: 'tidslinje.html', key: 'nav.timeline' },
  { id: 'changes', href: 'andringar.html', key: 'nav.changes' },
  { id: 'sources', href: 'sources.html', key: 'nav.sources' },
];

export const FORMS = ['FEDERATION', 'JOINT_COMMITTEE', 'AGREEMENT', 'COMPANY', 'ASSOCIATION', 'NETWORK', 'INITIATIVE'];
export const DEFAULT_FORMS = FORMS.slice(0, 5);
export const FORM_COLOURS = {
  FEDERATION: '#1f5fa8', JOINT_COMMITTEE: '#b3541e', AGREEMENT: '#6a3d9a', COMPANY: '#1b7a4c',
  ASSOCIATION: '#8c6d1f', NETWORK: '#b0306a', INITIATIVE: '#4d4d4d',
};

export function lang() { return current; }

/** The message for key in the current language, {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = messages[current]?.[key] ?? messages.sv?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Picks the Swedish or English variant of a record field pair (nameSv/nameEn, reasonSv/reasonEn). */
export function pick(record, base) {
  if (!record) return '';
  const sv = record[base + 'Sv'];
  const en = record[base + 'En'];
  return (current === 'en' ? en ?? sv : sv ?? en) ?? '';
}

export function onLangChange(fn) { langListeners.push(fn); }
export function onDateChange(fn) { dateListeners.push(fn); }

/** The date every page analyses: empty means today (the server's default). */
export function asOf() { return localStorage.getItem('samverkansvaven.asOf') || ''; }

async function loadMessages(code) {
  if (!messages[code]) {
    const response = await fetch(`i18n/${code}.json`);
    messages[code] = await response.json();
  }
}

export async function setLang(code) {
  if (!LANGS.includes(code)) code = 'sv';
  await loadMessages(code);
  current = code;
  localStorage.setItem('samverkansvaven.lang', code);
  document.documentElement.lang = code;
  translate(document);
  langListeners.forEach((fn) => fn(code));
}

/** Fills every [data-i18n] element's text and [data-i18n-attr="attr:key;attr:key"] attributes. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach((node) => {
    node.dataset.i18nAttr.split(';').forEach((pair) => {
      const [attr, key] = pair.split(':');
      node.setAttribute(attr.trim(), t(key.trim()));
    });
  });
  const titleKey = document.body.dataset.titleKey;
  if (titleKey) document.title = `${t(titleKey)} · Samverkansväven`;
}

/**
 * Creates an element. attrs: plain attributes, plus 'text' (textContent), 'i18n' (a message key kept up to
 * date on language change), 'class', 'on' ({event: handler}) and 'dataset'. Children are nodes or strings
 * (strings become text nodes).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'i18n') { node.dataset.i18n = value; node.textContent = t(value); }
    else if (name === 'class') node.className = value;
    else if (name === 'on') Object.entries(value).forEach(([event, fn]) => node.addEventListener(event, fn));
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) { node.replaceChildren(); return node; }

/** Replaces the container's content with the given nodes or strings, skipping null/false (optional parts). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export class ApiError extends Error {
  constructor(status, detail, url) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.url = url;
  }
}

/** GET a JSON API path (with the page date added unless asked not to); a problem body becomes an ApiError. */
export async function api(path, { date = true } = {}) {
  let url = path;
  if (date && asOf()) url += (url.includes('?') ? '&' : '?') + 'asOf=' + encodeURIComponent(asOf());
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, t('error.network'), url);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || '';
    } catch (e) { /* not a problem body */ }
    throw new ApiError(response.status, detail || `HTTP ${response.status}`, url);
  }
  return response.json();
}

/** Replaces the container's content with a visible error (role=alert) saying what failed and why. */
export function showError(container, error, key = 'error.api') {
  const detail = error instanceof ApiError
    ? `${error.status ? error.status + ': ' : ''}${error.detail}` : String(error?.message ?? error);
  fill(container, el('div', { class: 'message error', role: 'alert' },
    el('strong', { text: t(key) }), ' ', el('span', { class: 'detail', text: detail })));
}

/** Replaces the container's content with a short notice (e.g. nothing found). */
export function showNotice(container, text) {
  fill(container, el('p', { class: 'message notice', role: 'status', text }));
}

export function showLoading(container) {
  fill(container, el('p', { class: 'message loading', role: 'status', text: t('common.loading') }));
}

/** The badge that marks invented data; every page shows it next to anything illustrative. */
export function illustrativeBadge(extraKey) {
  return el('span', { class: 'badge illustrative', title: t('illustrative.title') },
    t(extraKey || 'illustrative.badge'));
}

export function formLabel(form) { return form ? t('form.' + form) : ''; }
export function roleLabel(role) { return role ? t('role.' + role) : ''; }
export function levelLabel(level) { return level ? t('level.' + level) : ''; }

export function formatNumber(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString(current === 'en' ? 'en-GB' : 'sv-SE',
    { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatPercent(value, digits = 0) {
  if (value === null || value === undefined) return '–';
  return Number(value).toLocaleString(current === 'en' ? 'en-GB' : 'sv-SE',
    { style: 'percent', maximumFractionDigits: digits });
}

let catalogue;
/** Areas, sectors and counties, loaded once per page. */
export async function loadCatalogue() {
  if (!catalogue) {
    catalogue = Promise.all([api('/api/areas', { date: false }), api('/api/sectors', { date: false }),
      api('/api/counties', { date: false })])
      .then(([areas, sectors, counties]) => ({
        areas, sectors, counties,
        area: Object.fromEntries(areas.map((a) => [a.id, a])),
        sector: Object.fromEntries(sectors.map((s) => [s.id, s])),
      }));
    catalogue.catch(() => { catalogue = undefined; });
  }
  return catalogue;
}

export function areaName(cat, id) { return cat?.area[id] ? pick(cat.area[id], 'name') : id; }
export function sectorName(cat, id) { return cat?.sector[id] ? pick(cat.sector[id], 'name') : id; }

let municipalities;
export async function loadMunicipalities() {
  if (!municipalities) {
    municipalities = api('/api/municipalities', { date: false });
    municipalities.catch(() => { municipalities = undefined; });
  }
  return municipalities;
}

/** Fills a <select> with options [{value, text}], keeping the chosen value where it still exists. */
export function fillSelect(select, options, keep = true) {
  const chosen = keep ? select.value : '';
  clear(select);
  options.forEach((o) => select.append(el('option', { value: o.value, text: o.text })));
  if (keep && options.some((o) => o.value === chosen)) select.value = chosen;
}

export function param(name) { return new URLSearchParams(location.search).get(name); }

export function setParam(name, value) {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
  history.replaceState(null, '', url);
}

let overviewInfo;
/**
 * /api/analysis/overview for the page date, asked once per date and shared: the illustrative notice and
 * the federation pickers both read it, and asking twice cost a second request while the page loads.
 */
export function loadOverview() {
  const key = asOf();
  if (!overviewInfo || overviewInfo.key !== key) {
    overviewInfo = { key, promise: api('/api/analysis/overview') };
    overviewInfo.promise.catch(() => { if (overviewInfo?.key === key) overviewInfo = undefined; });
  }
  return overviewInfo.promise;
}

/** Whether the data on the page date holds illustrative bodies (from /api/analysis/overview). */
export async function datasetHasIllustrative() {
  try { return (await loadOverview()).illustrativeBodies > 0; } catch (e) { return false; }
}

/** Shows the page-level notice that the data on the date includes invented (illustrative) bodies. */
export async function markDataset(container) {
  clear(container);
  if (await datasetHasIllustrative()) {
    container.append(illustrativeBadge('illustrative.dataset'));
  }
}

function header(pageId) {
  const nav = el('nav', { 'aria-label': t('nav.label'), 'data-i18n-attr': 'aria-label:nav.label' },
    el('ul', {}, PAGES.map((p) => el('li', {},
      el('a', { href: p.href, i18n: p.key, 'aria-current': p.id === pageId ? 'page' : null })))));
  const langButton = el('button', {
    type: 'button', id: 'lang-switch', class: 'lang-switch',
    'data-i18n-attr': 'aria-label:lang.switchLabel', i18n: 'lang.switch',
    on: { click: () => setLang(current === 'sv' ? 'en' : 'sv') },
  });
  const date = el('input', { type: 'date', id: 'as-of', value: asOf(), min: '1990-01-01', max: '2100-12-31' });
  date.addEventListener('change', () => {
    if (date.value && !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) return;
    localStorage.setItem('samverkansvaven.asOf', date.value);
    dateListeners.forEach((fn) => fn(date.value));
  });
  const dateField = el('div', { class: 'as-of' },
    el('label', { for: 'as-of', i18n: 'common.asOf' }), date,
    el('button', { type: 'button', class: 'link-button', i18n: 'common.today', on: { click: () => {
      date.value = ''; date.dispatchEvent(new Event('change'));
    } } }));
  return el('header', { class: 'site-header' },
    el('a', { class: 'skip-link', href: '#main', i18n: 'common.skip' }),
    el('div', { class: 'brand' }, el('a', { href: 'index.html', text: 'Samverkansväven' })),
    nav, dateField, langButton);
}

/** Builds the shared header and loads the messages; call first on every page. */
export async function initPage(pageId) {
  const stored = localStorage.getItem('samverkansvaven.lang');
  const wanted = LANGS.includes(stored) ? stored : 'sv';
  await loadMessages('sv');
  if (wanted !== 'sv') await loadMessages(wanted);
  current = wanted;
  document.documentElement.lang = current;
  document.body.prepend(header(pageId));
  translate(document);
}
