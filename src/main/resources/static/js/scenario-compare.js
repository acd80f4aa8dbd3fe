// A scenario's comparison (POST /api/scenarios/compare and the stored ones' /comparison), drawn the same way on
// Tänk om… (scenario.html) and in the board report (rapport.html): before and after side by side with the deltas
// a director weighs (areas each party gains or loses, dependency on its largest host, the scope's host
// concentration, gaps closed and opened, broker ranks, split-off components), and what the figures rest on
// (illustrative rows, municipalities the data does not cover: unknown, never "none").
import { t, el, areaName, formLabel, roleLabel, formatNumber, formatPercent, illustrativeBadge } from './common.js';

/**
 * A change in words, with names where the page knows them ("Tibro (1472) går med i Gemensam IT-nämnd … som
 * deltagare"; the server's label_sv/label_en name codes and ids only). names: municipality code → name; bodies:
 * id → {name}; asOf: the scenario's date, so that only a from-date other than it is said.
 */
export function describeChange(change, { names = {}, bodies = {}, cat = null, asOf = null } = {}) {
  const party = (code) => (names[code] ? `${names[code]} (${code})` : code ?? '');
  const body = typeof change.body === 'string' ? bodies[change.body]?.name ?? change.body : change.body?.name ?? '';
  const vars = { body, party: party(change.party), role: roleLabel(change.role).toLowerCase() };
  if (change.type === 'START') {
    const parties = (change.body?.parties ?? []).map((p) => (p.role === 'HOST'
      ? `${names[p.party] ?? p.party} (${roleLabel('HOST')})` : names[p.party] ?? p.party));
    Object.assign(vars, { form: formLabel(change.body?.form).toLowerCase(),
      areas: (change.body?.areas ?? []).map((a) => areaName(cat, a)).join(', '), parties: parties.join(', ') });
  }
  const text = t('scenario.label.' + change.type, vars);
  return change.from && change.from !== asOf ? `${text} ${t('scenario.fromDate', { date: change.from })}` : text;
}

/** "+0,05" / "−2" / "±0": a difference with its sign spelt out (never colour alone). */
function signed(value, format) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) < 1e-12) return '±0';
  return (value > 0 ? '+' : '−') + format(Math.abs(value));
}

/** Which way a change goes for the party: worse or better, when the measure says (sign of up that is worse). */
function direction(delta, worseWhenUp) {
  if (!worseWhenUp || delta === null || Math.abs(delta) < 1e-12) return null;
  return Math.sign(delta) === worseWhenUp ? 'worse' : 'better';
}

/** A before/after/change row; the change cell says worse or better in words as well as in colour. */
function row(labelKey, before, after, delta, { id, changed = false, way = null, values = [] } = {}) {
  // data-value: the figure itself, unformatted (what a test compares with the API)
  const value = (v) => (v === null || v === undefined ? {} : { value: String(v) });
  return el('tr', { class: changed ? 'changed' : null, dataset: id ? { row: id } : {} },
    el('th', { scope: 'row', i18n: labelKey }),
    el('td', { class: 'before', text: before, dataset: value(values[0]) }), el('td', { class: 'after', text: after, dataset: value(values[1]) }),
    el('td', { class: ['delta', way].filter(Boolean).join(' ') }, delta,
      way ? el('span', { class: 'delta-word', i18n: 'scenario.' + way }) : null));
}

function head(firstKey) {
  return el('thead', {}, el('tr', {}, el('th', { scope: 'col', i18n: firstKey }), el('th', { scope: 'col', i18n: 'scenario.before' }),
    el('th', { scope: 'col', i18n: 'scenario.after' }), el('th', { scope: 'col', i18n: 'scenario.change' })));
}

function hostText(h) {
  return h ? `${h.name ?? h.code} (${formatPercent(h.share)})` : t('scenario.noHost');
}

/** One table per focus municipality: areas, largest host and the dependency on it, before and after. */
function partyTable(p, cat) {
  const unknown = p.covered === false;
  const areas = (list) => (list ?? []).map((a) => areaName(cat, a)).join(', ');
  const count = (list) => (unknown ? t('web.unknownKnown', { n: (list ?? []).length }) : String((list ?? []).length));
  const gained = p.areasGained ?? [];
  const lost = p.areasLost ?? [];
  const areasDelta = [gained.length ? `+ ${areas(gained)}` : null, lost.length ? `− ${areas(lost)}` : null].filter(Boolean).join('; ') || '±0';
  const dependency = (d, h) => (unknown ? t('web.unknown') : h ? formatPercent(d) : t('web.noDependency'));
  const dd = (p.dependencyAfter ?? 0) - (p.dependencyBefore ?? 0);
  const hostChanged = (p.largestHostBefore?.code ?? null) !== (p.largestHostAfter?.code ?? null);
  return el('table', { class: 'scenario-table scenario-party', dataset: { code: p.code } },
    el('caption', {}, el('span', { translate: 'no', text: `${p.name ?? p.code} (${p.code})` }),
      unknown ? el('span', { class: 'unknown-tag', text: ' ' + t('scenario.partyUnknown') }) : null),
    head('scenario.measure'),
    el('tbody', {},
      row('scenario.areas', count(p.areasBefore), count(p.areasAfter), areasDelta, { id: 'areas',
        changed: gained.length + lost.length > 0, way: lost.length ? 'worse' : gained.length ? 'better' : null,
        values: [(p.areasBefore ?? []).length, (p.areasAfter ?? []).length] }),
      row('scenario.largestHost', unknown ? t('web.unknown') : hostText(p.largestHostBefore),
        unknown ? t('web.unknown') : hostText(p.largestHostAfter), hostChanged ? t('scenario.hostChanged') : '±0',
        { id: 'host', changed: hostChanged, values: [p.largestHostBefore?.code, p.largestHostAfter?.code] }),
      row('scenario.dependency', dependency(p.dependencyBefore, p.largestHostBefore), dependency(p.dependencyAfter, p.largestHostAfter),
        unknown ? t('web.unknown') : signed(dd * 100, (v) => formatNumber(v, 1)) + ' ' + t('scenario.points'),
        { id: 'dependency', changed: !unknown && Math.abs(dd) > 1e-12, way: unknown ? null : direction(dd, 1),
          values: [p.dependencyBefore, p.dependencyAfter] })));
}

/** HHI*, CR1 and Gini of the scope's host roles, before and after. */
function hostsTable(hosts) {
  const b = hosts?.before ?? {};
  const a = hosts?.after ?? {};
  const figure = (key, digits, format = (v) => formatNumber(v, digits)) => {
    const d = (a[key] ?? 0) - (b[key] ?? 0);
    // a share's change is in percentage points, not a percentage of it
    const delta = key === 'cr1' ? signed(d * 100, (v) => formatNumber(v, 1)) + ' ' + t('scenario.points') : signed(d, format);
    // more concentrated host roles (HHI*, CR1, Gini up) is the risk the page warns of
    return row('scenario.h.' + key, format(b[key]), format(a[key]), delta,
      { id: key, changed: Math.abs(d) > 1e-12, way: key === 'n' ? null : direction(d, 1), values: [b[key], a[key]] });
  };
  return el('table', { class: 'scenario-table', id: 'scenario-hosts' }, head('scenario.measure'),
    el('tbody', {}, figure('n', 0), figure('hhiStar', 3), figure('cr1', 1, (v) => formatPercent(v, 1)), figure('gini', 3)));
}

function gapList(id, key, gaps, cat, names) {
  return el('div', { id },
    el('h4', { i18n: key, vars: { n: gaps.length } }),
    gaps.length ? el('ul', {}, gaps.map((g) => el('li', { dataset: { code: g.code, area: g.area } },
      el('span', { translate: 'no', text: `${names[g.code] ?? g.code} (${g.code})` }), ': ', areaName(cat, g.area))))
      : el('p', { class: 'small', i18n: 'common.none' }));
}

function brokersTable(brokers) {
  if (!brokers?.length) return el('p', { class: 'small', id: 'scenario-brokers-none', i18n: 'scenario.noBrokerChanges' });
  const rank = (r) => (r === null || r === undefined ? '–' : String(r));
  return el('table', { class: 'scenario-table', id: 'scenario-brokers' },
    el('thead', {}, el('tr', {}, ['common.municipality', 'scenario.rankBefore', 'scenario.rankAfter', 'scenario.change',
      'scenario.betweenness'].map((k, i) => el('th', { scope: 'col', class: i ? 'num' : null, i18n: k })))),
    el('tbody', {}, brokers.map((b) => {
      // a lower rank number is a stronger broker position
      const d = b.rankBefore && b.rankAfter ? b.rankBefore - b.rankAfter : null;
      return el('tr', { dataset: { code: b.code } },
        el('td', { translate: 'no', text: `${b.name ?? b.code} (${b.code})` }),
        el('td', { class: 'num', text: rank(b.rankBefore) }), el('td', { class: 'num', text: rank(b.rankAfter) }),
        el('td', { class: 'num delta', text: d === null ? '–' : d > 0 ? `▲ ${d}` : d < 0 ? `▼ ${-d}` : '±0' }),
        el('td', { class: 'num', text: `${formatNumber(b.betweennessBefore, 4)} → ${formatNumber(b.betweennessAfter, 4)}` }));
    })));
}

function components(c, names) {
  const split = c?.splitOff ?? [];
  return el('div', { id: 'scenario-components' },
    el('p', { text: t('scenario.componentsText', { before: c?.before ?? '–', after: c?.after ?? '–' }) }),
    split.length ? el('div', {}, el('p', { i18n: 'scenario.splitOff', vars: { n: split.length } }),
      el('ul', { id: 'scenario-split-off' }, split.map((part) => el('li', { translate: 'no',
        text: part.map((code) => `${names[code] ?? code} (${code})`).join(', ') }))))
      : el('p', { class: 'small', i18n: 'scenario.noSplitOff' }));
}

/**
 * What the figures rest on: illustrative rows, and the focus and scope municipalities the data does not cover
 * (unknown: their figures count only what is known).
 */
export function trustNotices(cmp, names, { collapse = true } = {}) {
  const uncovered = cmp.uncovered ?? [];
  const list = uncovered.map((c) => `${names[c] ?? c} (${c})`).join(', ');
  // On screen a long list folds away (the coverage notice above says the same); on paper it is printed whole.
  const listed = collapse && uncovered.length > 6
    ? el('details', { class: 'coverage-list' }, el('summary', { i18n: 'coverage.showUncovered', vars: { n: uncovered.length } }),
      el('p', { class: 'small', translate: 'no', text: list }))
    : el('span', { translate: 'no', text: list });
  return [
    cmp.restsOnIllustrative ? el('p', { class: 'message notice', id: 'scenario-illustrative', role: 'status' },
      illustrativeBadge(), ' ', el('span', { i18n: 'scenario.restsOnIllustrative' })) : null,
    uncovered.length ? el('div', { class: 'message notice', id: 'scenario-uncovered', role: 'status' },
      el('strong', { i18n: 'scenario.uncoveredHeading', vars: { n: uncovered.length } }), ' ',
      el('span', { i18n: 'scenario.uncoveredExplain' }), ' ', listed) : null,
  ];
}

/**
 * The whole comparison as a list of nodes (under an h2 of the page or the report's section): the parties, the
 * scope's host concentration, gaps, brokers and components.
 */
export function comparisonParts(cmp, cat, names) {
  const county = /^county:(.+)$/.exec(cmp.scope ?? '')?.[1];
  const scopeText = !cmp.scope || cmp.scope === 'all' ? t('scenario.scopeAll')
    : county ? cat?.counties?.find((c) => c.code === county)?.name ?? cmp.scope : cmp.scope;
  return [
    el('h3', { i18n: 'scenario.partiesHeading' }),
    (cmp.parties ?? []).length ? el('div', { class: 'scenario-parties', id: 'scenario-parties' },
      cmp.parties.map((p) => el('div', { class: 'table-wrap' }, partyTable(p, cat))))
      : el('p', { class: 'small', i18n: 'scenario.noParties' }),
    el('h3', { i18n: 'scenario.hostsHeading', vars: { scope: scopeText } }),
    el('div', { class: 'table-wrap' }, hostsTable(cmp.hosts)),
    el('p', { class: 'small', i18n: 'scenario.hostsExplain' }),
    el('h3', { i18n: 'scenario.gapsHeading' }),
    el('div', { class: 'columns-2 scenario-gaps' },
      gapList('scenario-gaps-closed', 'scenario.gapsClosed', cmp.gaps?.closed ?? [], cat, names),
      gapList('scenario-gaps-opened', 'scenario.gapsOpened', cmp.gaps?.opened ?? [], cat, names)),
    el('h3', { i18n: 'scenario.brokersHeading' }),
    el('div', { class: 'table-wrap' }, brokersTable(cmp.brokers)),
    el('h3', { i18n: 'scenario.componentsHeading' }),
    components(cmp.components, names),
  ];
}

// ---- the scenario in the address (?c=) -----------------------------------------------------------------

/** {name, changes} as base64url JSON (UTF-8), for ?c= in a link. */
export function encodeChanges(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The scenario of ?c=, or throws an Error saying the link is damaged. */
export function decodeChanges(text) {
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const value = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (!value || !Array.isArray(value.changes)) throw new Error('no changes');
    return { name: typeof value.name === 'string' ? value.name : '', changes: value.changes };
  } catch (e) {
    throw new Error(t('scenario.badLink'));
  }
}
