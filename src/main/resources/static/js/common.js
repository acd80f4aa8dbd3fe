// Shared by every page: messages in Swedish and English, the header, the view held in the address, API calls
// with clear errors, and a small DOM builder. Text from data is only ever set with textContent (never
// innerHTML), so a body named "<script>" shows as text.

const LANGS = ['sv', 'en'];
const messages = {};
let current = 'sv';
const langListeners = [];
const dateListeners = [];
const historyListeners = [];

export const PAGES = [
  { id: 'web', href: 'index.html', key: 'nav.web' },
  { id: 'map', href: 'karta.html', key: 'nav.map' },
  { id: 'gaps', href: 'luckor.html', key: 'nav.gaps' },
  { id: 'hosts', href: 'vardkoncentration.html', key: 'nav.hosts' },
  { id: 'networks', href: 'natverk.html', key: 'nav.networks' },
  { id: 'brokers', href: 'mellanhander.html', key: 'nav.brokers' },
  { id: 'compare', href: 'jamfor.html', key: 'nav.compare' },
  { id: 'scenario', href: 'scenario.html', key: 'nav.scenario' },
  { id: 'timeline', href: 'tidslinje.html', key: 'nav.timeline' },
  { id: 'diff', href: 'forandringar.html', key: 'nav.diff' },
  { id: 'report', href: 'rapport.html', key: 'nav.report' },
  { id: 'changes', href: 'andringar.html', key: 'nav.changes' },
  { id: 'sources', href: 'sources.html', key: 'nav.sources' },
];
/** Shown in the menu to users who may edit (EDITOR or ADMIN). */
const EDIT_PAGE = { id: 'edit', href: 'redigera.html', key: 'nav.edit' };

/** Presentation only: the colour of each form in graphs and legends. Which forms exist comes from /api/model. */
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
/** Back or forward to another view of the same page: fn reads the address again and shows that view. */
export function onHistory(fn) { historyListeners.push(fn); }

// ---- the view in the address ---------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function param(name) { return new URLSearchParams(location.search).get(name); }

/** A parameter that may repeat or be comma-separated (forms=A,B), as a list; null when absent. */
export function listParam(name) {
  const value = param(name);
  return value === null ? null : value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Writes part of the page's view into the address: each value set, '' / null / undefined removes the
 * parameter, a list is written comma-separated. push: a new history entry (a choice the user may want to go
 * back from); otherwise the current entry is replaced. Language and date stay in every address, so a copied
 * link shows the same view to whoever opens it.
 */
export function setView(values, { push = false } = {}) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(values)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text === null || text === undefined || text === '' || text === false) url.searchParams.delete(name);
    else url.searchParams.set(name, String(text));
  }
  url.searchParams.set('lang', current);
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  updateLinks();
}

/**
 * Whether the page shows real data only ("Visa endast verkliga uppgifter"): illustrative=false in the address,
 * which api() passes on to every API call, so each answer is as if the illustrative rows were not loaded.
 */
export function realOnly() { return param('illustrative') === 'false'; }

/** The date every page analyses, from the address: empty means today (the server's default). */
export function asOf() {
  const value = param('asOf');
  return value && DATE.test(value) ? value : '';
}

/** A link to another page of the app that keeps the language and the date of this one. */
export function pageLink(href, extra = {}) {
  const url = new URL(href, location.href);
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  if (asOf() && !url.searchParams.has('asOf')) url.searchParams.set('asOf', asOf());
  if (realOnly() && !url.searchParams.has('illustrative')) url.searchParams.set('illustrative', 'false');
  url.searchParams.set('lang', current);
  return url.pathname.replace(/^\//, '') + url.search;
}

/** Every link of the header, and every a[data-keep-view], carries the current date, language and real-data switch. */
function updateLinks() {
  document.querySelectorAll('header nav a, header .brand a, a[data-keep-view]').forEach((a) => {
    const url = new URL(a.getAttribute('href'), location.href);
    if (asOf()) url.searchParams.set('asOf', asOf()); else url.searchParams.delete('asOf');
    if (realOnly()) url.searchParams.set('illustrative', 'false'); else url.searchParams.delete('illustrative');
    url.searchParams.set('lang', current);
    a.setAttribute('href', url.pathname.replace(/^\//, '') + url.search);
  });
  const login = document.getElementById('login-link');
  if (login) login.setAttribute('href', 'login.html?' + new URLSearchParams({ continue: here(), lang: current }));
  const input = document.getElementById('as-of');
  if (input && input.value !== asOf()) input.value = asOf();
  const real = document.getElementById('real-only');
  if (real) real.checked = realOnly();
  showDateBanner();
}

/** This page's path and query, for returning to it after logging in. */
export function here() { return location.pathname + location.search; }

// ---- messages ------------------------------------------------------------------------------------------

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
  setView({});
  translate(document);
  langListeners.forEach((fn) => fn(code));
}

/** Fills every [data-i18n] element's text and [data-i18n-attr="attr:key;attr:key"] attributes. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => {
    const vars = node.dataset.i18nVars ? JSON.parse(node.dataset.i18nVars) : {};
    node.textContent = t(node.dataset.i18n, vars);
  });
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
 * date on language change, with 'vars' for its placeholders), 'class', 'on' ({event: handler}) and
 * 'dataset'. Children are nodes or strings (strings become text nodes).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'i18n') { node.dataset.i18n = value; node.textContent = t(value, attrs.vars ?? {}); }
    else if (name === 'vars') { node.dataset.i18nVars = JSON.stringify(value); }
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

// ---- the API -------------------------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, detail, url, problem = {}) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.url = url;
    this.problem = problem;
  }
}

/** How many times a read answered 503 (busy) is asked again after the Retry-After the server gave. */
const BUSY_RETRIES = 3;

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/**
 * Calls a JSON API path: GET with the page date added unless asked not to (and, with the real-data switch on,
 * illustrative=false on every GET of /api/), or a write (method and body) with the CSRF token the server set
 * in its cookie. A problem body becomes an ApiError that keeps the whole problem (its errors, the current
 * state of a 409).
 */
export async function api(path, { date = true, method = 'GET', body } = {}) {
  let url = path;
  if (method === 'GET' && date && asOf()) url += (url.includes('?') ? '&' : '?') + 'asOf=' + encodeURIComponent(asOf());
  if (method === 'GET') url = withRealOnly(url);
  const headers = { Accept: 'application/json' };
  const init = { method, headers };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, t('error.network'), url);
    }
    // A busy server (503, the bulkhead for expensive requests) says when to come back: a read waits and asks
    // again, a few times, before the page shows the error.
    if (response.status !== 503 || method !== 'GET' || attempt === BUSY_RETRIES) break;
    const wait = Math.min(10, Math.max(1, Number(response.headers.get('Retry-After')) || 2));
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not a problem body */ }
    throw new ApiError(response.status, problem.detail || problem.title || `HTTP ${response.status}`, url, problem);
  }
  return response.status === 204 ? null : response.json();
}

/**
 * An /api/ address (for a fetch or a download link) with illustrative=false when the page shows real data
 * only; unchanged otherwise, or when it already says.
 */
export function withRealOnly(url) {
  if (!realOnly() || !/^\/?api\//.test(url) || /[?&]illustrative=/.test(url)) return url;
  return url + (url.includes('?') ? '&' : '?') + 'illustrative=false';
}

/** Replaces the container's content with a visible error (role=alert) saying what failed and why. */
export function showError(container, error, key = 'error.api') {
  const detail = error instanceof ApiError
    ? `${error.status ? error.status + ': ' : ''}${error.detail}` : String(error?.message ?? error);
  fill(container, el('div', { class: 'message error', role: 'alert' },
    el('strong', { i18n: key }), ' ', el('span', { class: 'detail', text: detail })));
}

/** Replaces the container's content with a short notice (e.g. nothing found). */
export function showNotice(container, text) {
  fill(container, el('p', { class: 'message notice', role: 'status', text }));
}

/** A notice whose text follows the language switch. */
export function showNoticeKey(container, key, vars) {
  fill(container, el('p', { class: 'message notice', role: 'status', i18n: key, vars }));
}

export function showLoading(container) {
  fill(container, el('p', { class: 'message loading', role: 'status', i18n: 'common.loading' }));
}

/** The badge that marks invented data; every page shows it next to anything illustrative. */
export function illustrativeBadge(extraKey) {
  return el('span', { class: 'badge illustrative', 'data-i18n-attr': 'title:illustrative.title',
    title: t('illustrative.title'), i18n: extraKey || 'illustrative.badge' });
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
/**
 * Areas, sectors, counties and the model (forms with their rules, levels, link kinds), loaded once per page.
 * The model's lists come from the server, so no page keeps its own copy of which forms or roles exist.
 */
export async function loadCatalogue() {
  if (!catalogue) {
    catalogue = Promise.all([api('/api/areas', { date: false }), api('/api/sectors', { date: false }),
      api('/api/counties', { date: false }), loadModel()])
      .then(([areas, sectors, counties, model]) => ({
        areas, sectors, counties, model,
        area: Object.fromEntries(areas.map((a) => [a.id, a])),
        sector: Object.fromEntries(sectors.map((s) => [s.id, s])),
      }));
    catalogue.catch(() => { catalogue = undefined; });
  }
  return catalogue;
}

let model;
/** GET /api/model: {forms: [{id, partyRoles, convener, requiresHost, analysedByDefault}], roles, levels, ...}. */
export function loadModel() {
  if (!model) {
    model = api('/api/model', { date: false }).then((m) => ({
      ...m,
      form: Object.fromEntries(m.forms.map((f) => [f.id, f])),
      defaultForms: m.forms.filter((f) => f.analysedByDefault).map((f) => f.id),
    }));
    model.catch(() => { model = undefined; });
  }
  return model;
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

/**
 * A code typed or picked ("Skövde (1496)"), or the code of the one municipality whose name matches, from
 * the list of /api/municipalities; null when none or several match. A code is recognised by being in the
 * list, not by its form: the server's code pattern is configurable, so the page holds none.
 */
export function resolveMunicipality(list, text) {
  const value = (text || '').trim();
  if (!value) return null;
  const picked = value.match(/\(([^()]+)\)$/);
  const candidate = picked ? picked[1].trim() : value;
  if (list.some((m) => m.code === candidate)) return candidate;
  const needle = fold(value);
  const exact = list.filter((m) => fold(m.name) === needle);
  if (exact.length === 1) return exact[0].code;
  const partial = list.filter((m) => fold(m.name).includes(needle));
  return partial.length === 1 ? partial[0].code : null;
}

/** Case and diacritics folded, for matching names as people type them. */
export function fold(s) { return String(s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(); }

/** Fills a <select> with options [{value, text}], keeping the chosen value where it still exists. */
export function fillSelect(select, options, keep = true) {
  const chosen = keep ? select.value : '';
  clear(select);
  options.forEach((o) => select.append(el('option', { value: o.value, text: o.text })));
  if (keep && options.some((o) => o.value === chosen)) select.value = chosen;
}

let overviewInfo;
/**
 * /api/analysis/overview for the page date, asked once per date and shared: the illustrative notice and
 * the federation pickers both read it, and asking twice cost a second request while the page loads.
 */
export function loadOverview() {
  const key = asOf() + (realOnly() ? '|real' : '');
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

/**
 * Shows the page-level notice that the data on the date includes invented (illustrative) bodies, or, with
 * the real-data switch on, that the page shows real data only (the answers then hold no illustrative row).
 */
export async function markDataset(container) {
  if (realOnly()) {
    fill(container, el('span', { class: 'badge real-only', i18n: 'realOnly.active' }));
    return;
  }
  const has = await datasetHasIllustrative();
  if (realOnly()) return; // switched on while the overview was asked for
  clear(container);
  if (has) container.append(illustrativeBadge('illustrative.dataset'));
}

// ---- tables whose columns sort ---------------------------------------------------------------------------

/**
 * A table whose column headers sort it (a button in each header, aria-sort on the sorted one).
 * columns: [{key, label (message key), num (right-aligned, sorts as a number), value(row) for sorting,
 * cell(row) → node or text}]; sort: "key" or "key:desc"; onSort(sort) is told the new order (the page keeps
 * it in the address). Rows with no value sort last either way.
 */
export function sortableTable({ id, caption, columns, rows, sort, onSort, rowAttrs }) {
  const [key, direction] = (sort || columns[0].key).split(':');
  const column = columns.find((c) => c.key === key) ?? columns[0];
  const desc = direction === 'desc';
  const value = (row) => (column.value ? column.value(row) : row[column.key]);
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const missingX = x === null || x === undefined || Number.isNaN(x);
    const missingY = y === null || y === undefined || Number.isNaN(y);
    if (missingX || missingY) return missingX - missingY;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
    return desc ? -c : c;
  });
  const head = el('tr', {}, columns.map((c) => {
    const active = c.key === column.key;
    const next = active && !desc ? `${c.key}:desc` : c.key;
    return el('th', { scope: 'col', class: c.num ? 'num' : null,
      'aria-sort': active ? (desc ? 'descending' : 'ascending') : null },
    el('button', { type: 'button', class: 'sort-button', dataset: { sort: c.key },
      on: { click: () => onSort(next) } }, t(c.label), el('span', { class: 'sort-mark', 'aria-hidden': 'true',
      text: active ? (desc ? ' ▼' : ' ▲') : ' ↕' })));
  }));
  return el('table', { id, class: 'sortable' },
    caption ? el('caption', { text: caption }) : null,
    el('thead', {}, head),
    el('tbody', {}, sorted.map((row) => el('tr', rowAttrs ? rowAttrs(row) : {},
      columns.map((c) => el('td', { class: c.num ? 'num' : null }, c.cell ? c.cell(row) : String(row[c.key] ?? '–')))))));
}

// ---- the header ------------------------------------------------------------------------------------------

function header(pageId) {
  const nav = el('nav', { 'aria-label': t('nav.label'), 'data-i18n-attr': 'aria-label:nav.label' },
    el('ul', { id: 'nav-list' }, PAGES.map((p) => el('li', {},
      el('a', { href: p.href, i18n: p.key, 'aria-current': p.id === pageId ? 'page' : null })))));
  const langButton = el('button', {
    type: 'button', id: 'lang-switch', class: 'lang-switch', lang: current === 'sv' ? 'en' : 'sv',
    'data-i18n-attr': 'aria-label:lang.switchLabel', i18n: 'lang.switch',
    on: { click: async () => { await setLang(current === 'sv' ? 'en' : 'sv'); langButton.lang = current === 'sv' ? 'en' : 'sv'; } },
  });
  const date = el('input', { type: 'date', id: 'as-of', value: asOf(), min: '1990-01-01', max: '2100-12-31' });
  date.addEventListener('change', () => {
    if (date.value && !DATE.test(date.value)) return;
    setView({ asOf: date.value }, { push: true });
    dateListeners.forEach((fn) => fn(date.value));
  });
  const dateField = el('div', { class: 'as-of' },
    el('label', { for: 'as-of', i18n: 'common.asOf' }), date,
    el('button', { type: 'button', class: 'link-button', id: 'as-of-today', i18n: 'common.today', on: { click: () => {
      date.value = ''; date.dispatchEvent(new Event('change'));
    } } }));
  const copy = el('button', { type: 'button', class: 'header-button', id: 'copy-link', i18n: 'common.copyLink',
    on: { click: () => copyLink() } });
  const real = el('input', { type: 'checkbox', id: 'real-only', checked: realOnly() });
  // Every answer of the page changes (lists, graphs, pickers), so the page loads again from the new address
  // rather than patching what it holds; back returns to the view as it was.
  real.addEventListener('change', () => {
    const url = new URL(location.href);
    if (real.checked) url.searchParams.set('illustrative', 'false'); else url.searchParams.delete('illustrative');
    location.assign(url.href);
  });
  const realField = el('div', { class: 'real-only-switch' }, real,
    el('label', { for: 'real-only', i18n: 'realOnly.switch', 'data-i18n-attr': 'title:realOnly.title', title: t('realOnly.title') }));
  const account = el('div', { class: 'account', id: 'account' });
  return el('header', { class: 'site-header' },
    el('a', { class: 'skip-link', href: '#main', i18n: 'common.skip' }),
    el('div', { class: 'header-top' },
      el('div', { class: 'brand' }, el('a', { href: 'index.html', text: 'Samverkansväven' })),
      el('div', { class: 'header-tools' }, siteSearch(), dateField, realField, copy, account, langButton)),
    el('div', { class: 'copied', id: 'copied', hidden: true }),
    nav);
}

// ---- the search box in the header ------------------------------------------------------------------------

/**
 * Where a search result leads: a municipality to its web (Min samverkansväv), a network to the network grid
 * with it selected (where its ties and suggested partners are), any other body to its details (Redigera
 * organ, read-only unless the user may edit it).
 */
export function searchTarget(kind, item) {
  if (kind === 'municipality') return pageLink('index.html', { code: item.code });
  if (item.form === 'NETWORK') return pageLink('natverk.html', { network: item.id });
  return pageLink('redigera.html', { id: item.id });
}

const SEARCH_LIMIT = 8;

/**
 * The header's search box: municipalities (by name or code, from /api/municipalities) and bodies and networks
 * (GET /api/bodies?q=, by name or id), case and diacritics ignored, listed in three groups of links under the
 * box. Enter opens the first hit; Escape closes the list.
 */
function siteSearch() {
  const input = el('input', { type: 'search', id: 'site-search', autocomplete: 'off', size: 18,
    'aria-controls': 'site-search-results', 'aria-expanded': 'false',
    'data-i18n-attr': 'placeholder:search.placeholder;aria-label:search.label',
    placeholder: t('search.placeholder'), 'aria-label': t('search.label') });
  const results = el('div', { id: 'site-search-results', class: 'search-results', role: 'region',
    'aria-live': 'polite', 'data-i18n-attr': 'aria-label:search.results', 'aria-label': t('search.results'), hidden: true });
  let timer;
  let asked = 0;
  const close = () => { results.hidden = true; input.setAttribute('aria-expanded', 'false'); };
  const run = async () => {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) { close(); return; }
    const needle = fold(text);
    const [places, bodies] = await Promise.all([
      loadMunicipalities().catch(() => []),
      api('/api/bodies?' + new URLSearchParams({ q: text, limit: '50' })).catch((e) => e)]);
    if (mine !== asked) return; // a later keystroke's answer wins
    const municipalities = places.filter((m) => m.code.startsWith(needle) || fold(m.name).includes(needle));
    const groups = [
      ['search.municipalities', 'municipality', municipalities.map((m) => ({ ...m, label: `${m.name} (${m.code})` }))],
      ['search.bodies', 'body', Array.isArray(bodies) ? bodies.filter((b) => b.form !== 'NETWORK') : []],
      ['search.networks', 'network', Array.isArray(bodies) ? bodies.filter((b) => b.form === 'NETWORK') : []],
    ];
    const sections = groups.filter(([, , items]) => items.length).map(([key, kind, items]) => el('section',
      { class: 'search-group', dataset: { kind } },
      el('h2', { i18n: key, vars: { n: items.length } }),
      el('ul', {}, items.slice(0, SEARCH_LIMIT).map((item) => el('li', {},
        el('a', { href: searchTarget(kind, item), translate: 'no', text: item.label ?? item.name ?? item.id }),
        kind === 'municipality' ? null : [' ', el('span', { class: 'muted', text: formLabel(item.form) })],
        item.illustrative ? [' ', illustrativeBadge()] : null,
        kind !== 'municipality' && !item.active ? [' ', el('span', { class: 'muted', i18n: 'search.inactive' })] : null)))));
    fill(results, sections.length ? sections : el('p', { i18n: 'search.none', vars: { q: text } }),
      bodies instanceof Error ? el('p', { class: 'message error', role: 'alert', text: bodies.message }) : null);
    results.dataset.query = text; // what the list answers (a test waits for it)
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    if (e.key === 'Enter') {
      const first = results.querySelector('a');
      if (first && !results.hidden) location.href = first.href;
    }
  });
  document.addEventListener('click', (e) => { if (!box.contains(e.target)) close(); });
  const box = el('div', { class: 'site-search', role: 'search' }, input, results);
  return box;
}

/** Under the header on every page when the date is not today, so a past view is never taken for the present. */
function showDateBanner() {
  let banner = document.getElementById('date-banner');
  if (!asOf()) { banner?.remove(); return; }
  if (!banner) {
    banner = el('div', { class: 'date-banner', id: 'date-banner', role: 'status' });
    document.querySelector('header.site-header')?.after(banner);
  }
  fill(banner, el('span', { i18n: 'common.dateBanner', vars: { date: asOf() } }), ' ',
    el('button', { type: 'button', class: 'link-button', i18n: 'common.backToToday', on: { click: () => {
      const input = document.getElementById('as-of');
      input.value = '';
      input.dispatchEvent(new Event('change'));
    } } }));
}

/**
 * Copies the address, which holds the whole view, to the clipboard; the link is also shown selected below the
 * header, so it can be copied by hand where the browser refuses the clipboard.
 */
async function copyLink() {
  const box = document.getElementById('copied');
  const link = location.href;
  let copied = false;
  try { await navigator.clipboard.writeText(link); copied = true; } catch (e) { /* shown for copying by hand */ }
  const input = el('input', { type: 'text', id: 'copy-link-url', readonly: true, value: link,
    'aria-label': t('common.linkLabel'), size: 60 });
  fill(box, el('span', { role: 'status', i18n: copied ? 'common.linkCopied' : 'common.linkCopyByHand' }), ' ', input,
    el('button', { type: 'button', class: 'link-button', i18n: 'common.close', on: { click: () => { box.hidden = true; } } }));
  box.hidden = false;
  input.select();
}

let me;
/** GET /api/me, once per page: who is logged in (never throws: anonymous when it cannot be read). */
export function loadMe() {
  me ??= fetch('/api/me', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : { authenticated: false }))
    .catch(() => ({ authenticated: false }));
  return me;
}

export function mayEditAnything(user) {
  return !!user?.authenticated && (user.roles ?? []).some((r) => r === 'EDITOR' || r === 'ADMIN');
}

/** The login link (back to this page afterwards) or the user's name and a logout button; Redigera for editors. */
async function showAccount(pageId) {
  const user = await loadMe();
  const box = document.getElementById('account');
  if (!box) return;
  if (!user.authenticated) {
    fill(box, el('a', { id: 'login-link', href: 'login.html?' + new URLSearchParams({ continue: here(), lang: current }),
      i18n: 'login.link' }));
    return;
  }
  fill(box, el('span', { class: 'user', text: user.username }), ' ',
    el('button', { type: 'button', class: 'link-button', id: 'logout', i18n: 'login.logout', on: { click: async () => {
      try { await api('/logout', { method: 'POST' }); } catch (e) { /* the redirect after logout is not JSON */ }
      location.reload();
    } } }));
  if (mayEditAnything(user) && !document.querySelector('nav a[href^="redigera.html"]')) {
    document.getElementById('nav-list').append(el('li', {},
      el('a', { href: EDIT_PAGE.href, i18n: EDIT_PAGE.key, 'aria-current': pageId === EDIT_PAGE.id ? 'page' : null })));
    updateLinks();
  }
}

/** Builds the shared header and loads the messages; call first on every page. */
export async function initPage(pageId) {
  const fromAddress = param('lang');
  const stored = localStorage.getItem('samverkansvaven.lang');
  const wanted = LANGS.includes(fromAddress) ? fromAddress : LANGS.includes(stored) ? stored : 'sv';
  await loadMessages('sv');
  if (wanted !== 'sv') await loadMessages(wanted);
  current = wanted;
  document.documentElement.lang = current;
  document.body.prepend(header(pageId));
  setView({});
  updateLinks();
  translate(document);
  window.addEventListener('popstate', () => {
    const wantedLang = LANGS.includes(param('lang')) ? param('lang') : current;
    updateLinks();
    const then = wantedLang !== current ? setLang(wantedLang) : Promise.resolve();
    then.then(() => historyListeners.forEach((fn) => fn()));
  });
  showAccount(pageId);
}
