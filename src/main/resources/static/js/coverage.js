// Coverage on the pages (issue 14): which municipalities of a scope the data knows completely for the forms
// asked, on the date. An uncovered municipality is unknown, never "none": the pages say "ingen data" for it
// and, where the scope is only partly covered, say what the figures rest on.
//
// Every analysis answer carries `coverage` ({asOf, forms, scope, municipalities, coveredCount,
// notCoveredCount, covered, notCovered, complete, illustrative}; the lists are codes, null on very large
// scopes). Until an answer carries it, or for a page that asks no analysis, GET /api/coverage gives the same
// (its lists hold {code, name}). normalise() reads either shape.
import { t, el, fill, api, formLabel, illustrativeBadge, loadMunicipalities, onLangChange } from './common.js';

/**
 * The coverage in one shape: {asOf, forms, scope, n, coveredCount, notCoveredCount, covered: Set|null,
 * notCovered: Set|null, complete, illustrative, names: {code: name}}; null when c is absent.
 */
export function normalise(c) {
  if (!c || typeof c !== 'object') return null;
  const names = {};
  const codes = (list) => {
    if (!Array.isArray(list)) return null;
    return new Set(list.map((x) => {
      if (typeof x === 'string') return x;
      if (x?.name) names[x.code] = x.name;
      return x?.code;
    }).filter(Boolean));
  };
  const covered = codes(c.covered);
  const notCovered = codes(c.notCovered);
  const coveredCount = c.coveredCount ?? covered?.size ?? 0;
  const notCoveredCount = c.notCoveredCount ?? notCovered?.size ?? 0;
  const n = c.municipalities ?? coveredCount + notCoveredCount;
  const illustrative = typeof c.illustrative === 'boolean' ? c.illustrative
    : Array.isArray(c.covered) && c.covered.some((x) => x?.illustrative === true);
  return {
    asOf: c.asOf, forms: c.forms ?? [], scope: c.scope, n, coveredCount, notCoveredCount, covered, notCovered,
    complete: typeof c.complete === 'boolean' ? c.complete : notCoveredCount === 0, illustrative, names,
  };
}

/**
 * The coverage an answer carries, or else GET /api/coverage for the scope and forms it was asked for (forms:
 * a list, null for the default layer; asOf: the answer's own date when it is not the page's).
 */
export async function coverageFor(answer, { scope = 'all', forms = null, asOf = null } = {}) {
  const carried = normalise(answer?.coverage);
  if (carried) return carried;
  return loadCoverage({ scope, forms, asOf });
}

/** GET /api/coverage for a scope, forms (null: the default layer) and date (null: the page's). */
export async function loadCoverage({ scope = 'all', forms = null, asOf = null } = {}) {
  let query = 'scope=' + encodeURIComponent(scope);
  if (forms?.length) query += '&forms=' + encodeURIComponent(forms.join(','));
  if (asOf) query += '&asOf=' + encodeURIComponent(asOf);
  return normalise(await api('/api/coverage?' + query, { date: !asOf }));
}

/**
 * Whether a municipality is covered: true, false, or null when the answer gives only counts (a scope too
 * large for the lists) and so cannot tell.
 */
export function isCovered(cov, code) {
  if (!cov) return null;
  if (cov.covered) return cov.covered.has(code);
  if (cov.notCovered) return !cov.notCovered.has(code);
  if (cov.complete) return true;
  if (cov.coveredCount === 0) return false;
  return null;
}

/** "Förbund, gemensamma nämnder och avtal" in the page's language. */
export function formsText(forms) {
  const labels = (forms ?? []).map((f) => formLabel(f).toLowerCase());
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${t('coverage.and')} ${labels[labels.length - 1]}`;
}

/** Swedish genitive of a name (Umeå → Umeås, Borås → Borås); English 's. */
export function genitive(name, lang) {
  if (lang === 'en') return `${name}'s`;
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * The notice of a scope's coverage: null when the scope is complete (unless always), else a status block
 * saying how many of the scope's municipalities the figures rest on, that the others are unknown rather than
 * without cooperation, and (in a collapsed list) which ones they are.
 */
export async function coverageNotice(cov, { always = false, id = 'coverage-status', list = true, short = false } = {}) {
  if (!cov || (cov.complete && !always)) return null;
  const vars = { covered: cov.coveredCount, n: cov.n, notCovered: cov.notCoveredCount,
    forms: formsText(cov.forms), date: cov.asOf ?? '' };
  const key = cov.complete ? 'coverage.complete' : short ? 'coverage.short'
    : cov.coveredCount === 0 ? 'coverage.noneCovered' : 'coverage.partial';
  const box = el('div', { class: 'message notice coverage-notice', role: 'status', id,
    dataset: { covered: String(cov.coveredCount), municipalities: String(cov.n) } },
  el('strong', { i18n: 'coverage.heading' }), ' ', el('span', { i18n: key, vars }),
  cov.illustrative ? el('span', {}, ' ', illustrativeBadge(), ' ', el('span', { i18n: 'coverage.illustrative' })) : null);
  if (list && cov.notCovered && cov.notCovered.size && !cov.complete) {
    let names = cov.names;
    if ([...cov.notCovered].some((c) => !names[c])) {
      try { names = { ...Object.fromEntries((await loadMunicipalities()).map((m) => [m.code, m.name])), ...names }; }
      catch (e) { /* codes then stand for themselves */ }
    }
    const list = [...cov.notCovered].map((c) => names[c] ?? c).sort((a, b) => a.localeCompare(b, 'sv'));
    box.append(el('details', { class: 'coverage-list' },
      el('summary', { i18n: 'coverage.showUncovered', vars: { n: list.length } }),
      el('p', { class: 'small', translate: 'no', text: list.join(', ') })));
  }
  return box;
}

/**
 * The notice that an answer rests on illustrative rows (`restsOnIllustrative: true` on centrality, communities
 * and exit impact: a body of invented rows has a party in the scope, so every figure may differ without them),
 * with the badge and a pointer to the real-data switch; null when it does not.
 */
export function restsNotice(restsOn, id = 'rests-on-illustrative') {
  if (restsOn !== true) return null;
  return el('p', { class: 'message notice rests-on-illustrative', role: 'status', id },
    illustrativeBadge(), ' ', el('span', { i18n: 'illustrative.restsOn' }));
}

/**
 * Puts the coverage notice of cov into the page's coverage block (#coverage-status-box, made after the
 * dataset mark when the page has none), or empties it when the scope is complete. options.restsOn: the
 * answer's `restsOnIllustrative`, shown there too ({@link restsNotice}).
 */
let shown = null; // the notice on the page, shown again in the other language on a switch

export async function showCoverage(cov, options = {}) {
  if (!shown) onLangChange(() => { if (shown?.cov || shown?.options.restsOn) showCoverage(shown.cov, shown.options); });
  shown = { cov, options };
  let holder = document.getElementById('coverage-status-box');
  if (!holder) {
    holder = el('div', { id: 'coverage-status-box', 'aria-live': 'polite' });
    const anchor = document.getElementById('dataset-mark') ?? document.querySelector('main h1');
    anchor.after(holder);
  }
  const notice = await coverageNotice(cov, options);
  fill(holder, notice, restsNotice(options.restsOn));
  return notice;
}

/** Empties the page's coverage block (no answer, or an error). */
export function clearCoverage() {
  if (shown) { shown.cov = null; shown.options = {}; }
  const holder = document.getElementById('coverage-status-box');
  if (holder) fill(holder);
}

/** The illustrative badge beside an item flagged `illustrative: true`, else null. */
export function itemBadge(item) {
  return item?.illustrative === true ? illustrativeBadge() : null;
}

/**
 * The same coverage for a part of its scope (e.g. one county of "all"): counts and lists over the codes given;
 * cov itself when it has no lists to count from.
 */
export function restrict(cov, codes, scope) {
  if (!cov || !cov.covered || !cov.notCovered) return cov;
  const inScope = new Set(codes);
  const covered = new Set([...cov.covered].filter((c) => inScope.has(c)));
  const notCovered = new Set([...cov.notCovered].filter((c) => inScope.has(c)));
  return { ...cov, scope: scope ?? cov.scope, n: covered.size + notCovered.size, coveredCount: covered.size,
    notCoveredCount: notCovered.size, covered, notCovered, complete: notCovered.size === 0 };
}
