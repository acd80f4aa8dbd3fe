// Rapport: one page per municipality (or federation) made for the kommunstyrelse and for printing: the key
// figures, the web as a picture, the portfolio with hosts and dates, host roles and dependency, what leaving
// would cost, the gaps with their options, and the data the report rests on (each body's source, whether it is
// illustrative). The print stylesheet (css/print.css) lays it out on A4 with each section on its own page; the
// browser's print saves it as PDF. The subject is in the address (code=… or federation=…); a scenario
// (scenario=<id>, shared=<token> or c=<changes>, with focus=) adds its comparison as a section of its own.
import {
  initPage, t, el, fill, api, showError, showLoading, showNoticeKey, loadCatalogue, loadMunicipalities,
  loadOverview, areaName, formLabel, roleLabel, formatNumber, formatPercent, illustrativeBadge, pick,
  onLangChange, onDateChange, onHistory, param, listParam, setView, lang, asOf, realOnly,
} from './common.js';
import { coverageFor, normalise, coverageNotice, formsText, genitive, itemBadge, restsNotice } from './coverage.js';
import { comparisonParts, trustNotices, describeChange, decodeChanges } from './scenario-compare.js';
import { egoStyle, webElements, webLegend, ringLayout, hideOverlappingLabels, graphSvg } from './graph.js';

const $ = (id) => document.getElementById(id);
let cat = null;
let municipalities = [];
let federations = [];
let data = null;

await initPage('report');
// The report's own data is asked for at once, beside the lists for the picker (load() waits for what it needs).
const lists = Promise.all([loadCatalogue(), loadMunicipalities(), loadOverview().then((o) => o.federations)])
  .then(([c, m, f]) => { [cat, municipalities, federations] = [c, m, f]; });
const first = load();
try { await lists; } catch (e) { showError($('status'), e); }
fillSubjects();
$('controls').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = $('subject').value;
  setView(value.startsWith('fed:') ? { code: null, federation: value.slice(4) } : { code: value, federation: null }, { push: true });
  load();
});
$('print').addEventListener('click', () => window.print());
onLangChange(() => { fillSubjects(); render(); });
onDateChange(() => load());
onHistory(() => { fillSubjects(); load(); });
await first;

function subject() {
  if (param('federation')) return 'fed:' + param('federation');
  return param('code') ?? '';
}

function fillSubjects() {
  fill($('subject'),
    el('optgroup', { label: t('timeline.municipalities') }, municipalities.map((m) =>
      el('option', { value: m.code, text: `${m.name} (${m.code})` }))),
    el('optgroup', { label: t('timeline.federations') }, federations.map((f) =>
      el('option', { value: 'fed:' + f.id, text: f.name + (f.illustrative ? ' – ' + t('illustrative.badge') : '') }))));
  if (subject()) $('subject').value = subject();
}

async function load() {
  const chosen = subject();
  if (!chosen) { fill($('report')); showNoticeKey($('status'), 'report.choose'); return; }
  showLoading($('status'));
  try {
    const scenario = loadScenario();
    data = chosen.startsWith('fed:') ? await loadFederation(chosen.slice(4)) : await loadMunicipality(chosen);
    data.scenario = await scenario;
    await lists; // names of forms and areas
    if (chosen !== subject()) return;
    fill($('status'));
  } catch (e) {
    data = null;
    fill($('report'));
    showError($('status'), e);
    return;
  }
  render();
}

async function loadMunicipality(code) {
  // The county from the list of municipalities (asked once per page), so all six calls go out together.
  const county = (await loadMunicipalities()).find((m) => m.code === code)?.countyCode
    ?? (await api(`/api/municipalities/${encodeURIComponent(code)}`)).county?.code;
  const [details, web, exit, gaps, hosts, centrality, catalogue] = await Promise.all([
    api(`/api/municipalities/${encodeURIComponent(code)}`), api(`/api/analysis/web/${encodeURIComponent(code)}?depth=1`),
    api(`/api/analysis/exit?municipality=${encodeURIComponent(code)}`),
    api(`/api/analysis/gaps?municipality=${encodeURIComponent(code)}`),
    api(`/api/analysis/hosts?scope=county:${county}`),
    api(`/api/analysis/centrality?scope=county:${county}`).catch(() => null), loadCatalogue()]);
  const forms = catalogue.model.defaultForms;
  details.bodies = details.bodies.filter((b) => forms.includes(b.form));
  // The municipality answer says itself whether its list of bodies of the default forms is complete.
  const own = { covered: details.covered, cov: normalise(details.coverage) };
  const county_ = await coverageFor(hosts, { scope: 'county:' + county }).catch(() => null);
  return { kind: 'municipality', details, web, exit, gaps, hosts, centrality, coverage: { own, county: county_ } };
}

async function loadFederation(id) {
  const [body, web, hosts, gaps] = await Promise.all([api(`/api/bodies/${encodeURIComponent(id)}`),
    api(`/api/analysis/federation-web/${encodeURIComponent(id)}`),
    api(`/api/analysis/hosts?scope=federation:${encodeURIComponent(id)}`), api('/api/analysis/gaps')]);
  const convened = await Promise.all(web.convened.map((b) => api(`/api/bodies/${encodeURIComponent(b)}`)));
  const members = await coverageFor(hosts, { scope: 'federation:' + id }).catch(() => null);
  return { kind: 'federation', body, web, hosts, gaps, convened, coverage: { members } };
}

function render() {
  if (!data) return;
  if (data.kind === 'municipality') renderMunicipality(data); else renderFederation(data);
  renderScenario(data.scenario);
  renderCoverage(data);
}

/**
 * The comparison of the scenario the address names, or null without one; a failure is kept as the error, so the
 * report still prints and says the scenario could not be compared.
 */
async function loadScenario() {
  const id = param('scenario');
  const token = param('shared');
  const c = param('c');
  if (!id && !token && !c) return null;
  const q = new URLSearchParams();
  if (listParam('focus')?.length) q.set('focus', listParam('focus').join(','));
  if (realOnly()) q.set('illustrative', 'false');
  try {
    if (id || token) {
      const answer = await api(id ? `/api/scenarios/${encodeURIComponent(id)}/comparison?${q}`
        : `/api/scenarios/shared/${encodeURIComponent(token)}/comparison?${q}`, { date: false });
      return { answer, bodies: await bodyNames(answer) };
    }
    const unsaved = decodeChanges(c);
    const answer = await api('/api/scenarios/compare', { method: 'POST', body: {
      scenario: { name: unsaved.name || null, asOf: asOf() || null, changes: unsaved.changes }, id: null, shared: null,
      focus: listParam('focus'), scope: null, forms: null, illustrative: !realOnly() } });
    answer.scenario = { ...answer.scenario, name: answer.scenario?.name || unsaved.name };
    return { answer, bodies: await bodyNames(answer) };
  } catch (e) {
    return { error: e };
  }
}

/** The names of the bodies the scenario's changes name, for saying each change in words. */
async function bodyNames(answer) {
  const ids = [...new Set((answer.scenario?.changes ?? []).map((c) => c.body).filter((b) => typeof b === 'string'))];
  const found = await Promise.all(ids.map((id) => api(`/api/bodies/${encodeURIComponent(id)}`).catch(() => null)));
  return Object.fromEntries(found.filter(Boolean).map((b) => [b.id, { name: b.name }]));
}

/** The scenario's section (before the sources): its changes and the comparison, as on Tänk om…. */
function renderScenario(scenario) {
  if (!scenario) return;
  const names = Object.fromEntries(municipalities.map((m) => [m.code, m.name]));
  const body = [];
  if (scenario.error) {
    const box = el('div');
    showError(box, scenario.error, 'report.scenarioFailed');
    body.push(box);
  } else {
    const cmp = scenario.answer;
    const changes = cmp.scenario?.changes ?? [];
    body.push(
      el('p', { id: 'report-scenario-lead', text: t('report.scenarioLead', { name: cmp.scenario?.name || t('scenario.unnamed'),
        date: cmp.asOf, n: changes.length }) }),
      el('ol', { class: 'scenario-changes', id: 'report-scenario-changes' }, changes.map((c) => el('li', { class: 'api-text',
        text: describeChange(c, { names, bodies: scenario.bodies, cat, asOf: cmp.asOf }) }))),
      ...trustNotices(cmp, names, { collapse: false }),
      ...comparisonParts(cmp, cat, names));
  }
  const part = section('report.scenario', 'report-scenario', ...body);
  const sources = document.getElementById('sources');
  if (sources) sources.before(part); else $('report').append(part);
}

/**
 * The coverage notice in #coverage-notice: for a municipality whether its own list of bodies is complete
 * (and, for an uncovered one, "no data" at the top of the report too) and how much of its county the
 * position figures rest on; for a federation how many of its members are covered.
 */
async function renderCoverage(shown) {
  const box = document.getElementById('coverage-notice');
  if (!box) return;
  const parts = [];
  if (shown.kind === 'municipality') {
    const { own, county } = shown.coverage;
    const name = shown.details.name;
    const vars = { nameGen: genitive(name, lang()), forms: formsText(own.cov?.forms ?? cat?.model.defaultForms), date: shown.details.asOf };
    if (own.covered === false) {
      const top = el('p', { class: 'report-notice no-data', id: 'report-no-data', text: t('web.noData', vars) });
      document.getElementById('report-date')?.after(top);
      parts.push(el('p', { id: 'coverage-own', text: t('web.noData', vars) + ' ' + t('web.noDataExplain', { name }) }));
    } else if (own.covered === true) {
      parts.push(el('p', { id: 'coverage-own', text: t('report.coverageOwn', vars) }));
    }
    // compact on paper: the counts, not the list of names (the report stays within its pages)
    parts.push(await coverageNotice(county, { id: 'coverage-county', list: false, short: true }));
  } else {
    parts.push(await coverageNotice(shown.coverage.members, { id: 'coverage-members', always: true, list: false, short: true }));
  }
  if (data === shown) fill(box, ...parts.filter(Boolean));
}

function section(key, id, ...children) {
  return el('section', { class: 'report-section', id, 'aria-labelledby': id + '-heading' },
    el('h2', { id: id + '-heading', i18n: key }), ...children);
}

/** A key figure; data: the explanation is names (not to be translated). */
function figure(labelKey, value, explain, id, data = false) {
  return el('div', { class: 'figure', id },
    el('div', { class: 'label', i18n: labelKey }), el('div', { class: 'value', text: value }),
    explain ? el('div', { class: 'explain', translate: data ? 'no' : null, text: explain }) : null);
}

function header(name, date, illustrative, total) {
  return el('header', { class: 'report-header' },
    el('h1', { id: 'report-title', text: t('report.heading', { name }) }),
    el('p', { class: 'meta', id: 'report-date', text: t('report.asOf', { date }) }),
    illustrative ? el('p', { class: 'report-notice', id: 'report-illustrative' }, illustrativeBadge(),
      ' ', t('report.illustrativeNotice', { n: illustrative, of: total })) : null);
}

/** The web drawn off screen as on Min samverkansväv, then kept as an SVG picture (sharp in print). */
function picture(web, title, subtitle, federation) {
  const work = $('picture-work');
  const cy = cytoscape({ container: work, elements: webElements(web), style: egoStyle(), layout: { name: 'preset' } });
  ringLayout(cy, federation ? (n) => (n.data('type') === 'body' && n.data('distance') === 1 ? 2 : n.data('distance') === 2 ? 3 : n.data('distance')) : undefined);
  hideOverlappingLabels(cy);
  const forms = [...new Set(web.nodes.filter((n) => n.data.type === 'body').map((n) => n.data.form))];
  const svg = graphSvg(cy, { title, subtitle, width: 1000,
    legend: webLegend(forms, { ego: federation ? 'none' : 'municipality',
      roles: federation ? ['MEMBER', 'PARTICIPANT', 'CONVENER'] : ['HOST', 'MEMBER', 'PARTICIPANT'] }) });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  cy.destroy();
  return el('div', { class: 'report-picture', id: 'report-picture' }, svg);
}

function renderMunicipality({ details, web, exit, gaps, hosts, centrality, coverage }) {
  // Without a complete list the report says "unknown" where it would say "none" or count what is known.
  const unknown = coverage?.own?.covered === false;
  const count = (n) => (unknown ? t('web.unknownKnown', { n }) : String(n));
  const me = hosts.municipalities.find((m) => m.code === details.code);
  const dep = me?.dependency;
  const vertex = centrality?.vertices.find((v) => v.id === details.code);
  const bodies = details.bodies;
  const illustrative = bodies.filter((b) => b.illustrative).length;
  const hostable = bodies.filter((b) => cat?.model.form[b.form]?.requiresHost);
  const hosted = hostable.filter((b) => b.role === 'HOST');
  const labels = Object.fromEntries(web.nodes.map((n) => [n.data.id, n.data.label]));
  const hostOf = {};
  web.edges.forEach(({ data: e }) => { if (e.role === 'HOST') hostOf[e.target] = labels[e.source]; });
  const counts = {};
  bodies.forEach((b) => { counts[b.form] = (counts[b.form] ?? 0) + 1; });
  const date = details.asOf;
  fill($('report'),
    el('section', { class: 'report-section first', id: 'summary' },
      header(details.name, date, illustrative, bodies.length),
      el('h2', { i18n: 'report.summary' }),
      el('div', { class: 'figures' },
        figure('report.bodies', count(bodies.length),
          Object.entries(counts).map(([f, n]) => `${formLabel(f)}: ${n}`).join(', '), 'figure-bodies'),
        figure('report.hostRoles', count(me?.hostRoles ?? 0),
          t('report.hostRolesExplain', { hosted: hosted.length, total: hostable.length, seats: me?.seats ?? 0 }), 'figure-host-roles'),
        unknown ? figure('web.dependency', t('web.unknown'), t('web.dependencyUnknown'), 'figure-dependency')
          : figure('web.dependency', dep ? formatPercent(dep.share) : '–',
            dep ? t('web.dependencyExplain', { host: dep.hostName ?? dep.host, n: dep.hostedByHost, of: dep.participations })
              : t('web.noDependency'), 'figure-dependency'),
        figure('web.partnersCount', String(web.partners.length),
          web.partners.slice(0, 3).map((p) => `${p.label ?? p.id} (${p.weight})`).join(', ')),
        // Betweenness 0 is no broker role at all, not the last rank of a list (as on Min samverkansväv).
        figure('web.centrality', !vertex ? '–' : vertex.brokerRole === false || vertex.betweenness === 0 ? t('web.noBrokerRole')
          : t('web.rankOf', { rank: vertex.ranks.betweenness, n: centrality.vertices.length }),
        t('report.centralityExplain', { county: details.county.name })
          + (vertex?.articulationPoint ? ' ' + t('web.articulation') : ''), 'figure-centrality'),
        figure('report.gapCount', unknown ? t('map.noDataValue') : String(gaps.gaps.length), t('report.gapCountExplain'))),
      restsNotice(centrality?.restsOnIllustrative, 'report-centrality-rests-on-illustrative')),
    section('report.web', 'web',
      picture(web, t('graph.webTitle', { name: details.name }), t('graph.subtitle', { date, depth: 1 }), false),
      el('p', { class: 'small', i18n: 'report.webExplain' })),
    section('report.portfolio', 'portfolio', bodies.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'report-portfolio' },
      el('thead', {}, el('tr', {}, ['common.body', 'common.form', 'common.role', 'web.host', 'common.since', 'common.areas']
        .map((k) => el('th', { scope: 'col', i18n: k })))),
      el('tbody', {}, bodies.map((b) => el('tr', {},
        el('td', {}, el('span', { translate: 'no', text: b.name }), b.illustrative ? illustrativeBadge() : null),
        el('td', { text: formLabel(b.form) }), el('td', { text: roleLabel(b.role) }),
        el('td', { text: b.role === 'HOST' ? details.name : hostOf[b.id] ?? '–' }),
        el('td', { text: b.since || '–' }),
        el('td', { text: b.areas.map((a) => areaName(cat, a)).join(', ') || '–' }))))))
      : el('p', { i18n: unknown ? 'web.noDataNoneKnown' : 'web.noBodies', vars: { name: details.name, date } })),
    section('report.hosting', 'hosting',
      el('p', { id: 'report-hosting-text', text: t('report.hostingText', { name: details.name, hosted: hosted.length,
        total: hostable.length, roles: me?.hostRoles ?? 0, seats: me?.seats ?? 0 }) }),
      el('p', { id: 'report-dependency-text', text: dep ? t('report.dependencyText', { name: details.name, share: formatPercent(dep.share),
        host: dep.hostName ?? dep.host, n: dep.hostedByHost, of: dep.participations }) : t(unknown ? 'web.dependencyUnknown' : 'web.noDependency') }),
      hostedBy(bodies, hostOf, details.name),
      el('p', { class: 'small', text: t('report.countyContext', { county: details.county.name, hhi: formatNumber(hosts.hhi, 3),
        cr1: formatPercent(hosts.cr1), n: hosts.n }) })),
    section('report.exit', 'exit', unknown ? el('p', { class: 'report-notice', i18n: 'web.exitNoData' }) : null,
      restsNotice(exit.restsOnIllustrative, 'report-exit-rests-on-illustrative'), ...exitSummary(exit)),
    section('report.gaps', 'gaps', ...gapList(gaps.gaps)),
    sources(bodies.map((b) => ({ name: b.name, form: b.form, source: b.source, illustrative: b.illustrative })), date),
    footer());
}

/** How many of the services it buys come from each host. */
function hostedBy(bodies, hostOf, name) {
  const byHost = {};
  bodies.filter((b) => b.role === 'PARTICIPANT' && hostOf[b.id]).forEach((b) => { byHost[hostOf[b.id]] = (byHost[hostOf[b.id]] ?? 0) + 1; });
  const entries = Object.entries(byHost).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  return el('div', { class: 'table-wrap' }, el('table', { id: 'report-hosts' },
    el('caption', { text: t('report.hostedByCaption', { name }) }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', i18n: 'web.host' }), el('th', { scope: 'col', class: 'num', i18n: 'report.services' }))),
    el('tbody', {}, entries.map(([host, n]) => el('tr', {}, el('td', { text: host }), el('td', { class: 'num', text: String(n) }))))));
}

function exitSummary(r) {
  const names = (refs) => (refs.length ? refs.map((b) => b.name).join(', ') : t('common.none'));
  return [
    el('p', { class: 'small', i18n: 'report.exitLead' }),
    el('p', {}, el('strong', { text: t('web.exitLeft') + ': ' }), String(r.bodiesLeft.length)),
    el('p', {}, el('strong', { text: t('web.exitEnded') + ': ' }), el('span', { translate: 'no', text: names(r.bodiesEnded) }),
      r.bodiesEnded.some((b) => b.illustrative) ? illustrativeBadge() : null),
    el('p', {}, el('strong', { text: t('web.exitLostSelf') + ': ' }),
      r.areasLostByLeaver.length ? r.areasLostByLeaver.map((a) => areaName(cat, a)).join(', ') : t('common.none')),
    el('p', {}, el('strong', { text: t('report.othersLose') + ': ' }),
      r.areasLostByOthers.length ? r.areasLostByOthers.map((l) => `${l.label ?? l.party} (${l.areas.map((a) => areaName(cat, a)).join(', ')})`).join('; ')
        : t('common.none')),
    el('p', {}, el('strong', { text: t('web.exitComponents') + ': ' }),
      t('web.exitComponentsText', { before: r.componentsBefore, after: r.componentsAfter, actorsBefore: r.actorsBefore, actorsAfter: r.actorsAfter }),
      ' ', el('span', { class: 'explain-inline', i18n: 'web.exitComponentsExplain' })),
    // who is cut off, not only how many parts there are
    r.splitOff?.length ? el('p', { id: 'report-split-off' }, el('strong', { text: t('web.exitSplitOff') + ': ' }),
      el('span', { translate: 'no', text: r.splitOff.map((p) => (p.members ?? []).map((m) => m.label ?? m.id).join(', ')).join('; ') }),
      r.splitOff.some((p) => p.illustrative) ? illustrativeBadge() : null) : null,
  ];
}

function gapList(gaps) {
  if (!gaps.length) return [el('p', { i18n: 'report.noGaps' })];
  // On paper one badge for a gap whose options all rest on invented rows, else one per option that does.
  const options = (g) => [...g.join, ...g.host, ...(g.start ? [g.start] : [])];
  const whole = (g) => g.illustrative === true && options(g).every((o) => o.illustrative === true);
  const badge = (g, o) => (whole(g) ? null : itemBadge(o));
  return [el('p', { class: 'small', i18n: 'report.gapsLead' }), ...gaps.map((g) => el('div', { class: 'report-gap', dataset: { area: g.area } },
    el('h3', {}, `${g.name ? g.name + ': ' : ''}${pick(g, 'areaName') || areaName(cat, g.area)} – ${t('gaps.strength').toLowerCase()} ${formatPercent(g.strength)}`,
      whole(g) ? illustrativeBadge() : null),
    el('p', { class: 'small', text: g.unknownNeighbours?.length
      ? t('gaps.neighboursKnown', { n: g.coveringNeighbours.length, of: g.knownNeighbours, unknown: g.unknownNeighbours.length })
      : t('gaps.neighbours', { n: g.coveringNeighbours.length, of: g.neighbours }) }),
    el('ul', { class: 'options' },
      g.join.map((o) => el('li', {}, el('span', { class: 'kind', text: `${t('gaps.join')} ${o.rank}: ` }), el('span', { class: 'api-text', text: pick(o, 'reason') }), badge(g, o))),
      g.host.map((o) => el('li', {}, el('span', { class: 'kind', text: `${t('gaps.host')} ${o.rank}: ` }), el('span', { class: 'api-text', text: pick(o, 'reason') }), badge(g, o))),
      g.start ? el('li', {}, el('span', { class: 'kind', text: `${t('gaps.start')}: ` }), el('span', { class: 'api-text', text: pick(g.start, 'reason') }), badge(g, g.start)) : null,
      !g.join.length && !g.host.length && !g.start ? el('li', { i18n: 'gaps.noOptions' }) : null)))];
}

/**
 * The data the report rests on: every body's source as stored and whether it is illustrative. The coverage
 * notice (how complete the data is for the municipality, once the data carries it) goes in #coverage-notice.
 */
function sources(items, date) {
  const illustrative = items.filter((i) => i.illustrative).length;
  return section('report.sources', 'sources',
    el('p', { id: 'report-sources-lead', text: t('report.sourcesLead', { date, n: items.length, illustrative }) }),
    el('div', { id: 'coverage-notice', class: 'coverage-notice' }),
    el('div', { class: 'table-wrap' }, el('table', { class: 'sources', id: 'report-sources' },
      el('thead', {}, el('tr', {}, ['common.body', 'common.form', 'common.source', 'report.illustrativeColumn']
        .map((k) => el('th', { scope: 'col', i18n: k })))),
      el('tbody', {}, items.map((i) => el('tr', {},
        el('td', { translate: 'no', text: i.name }), el('td', { text: formLabel(i.form) }), el('td', { translate: 'no', text: i.source || t('report.noSource') }),
        el('td', {}, i.illustrative ? illustrativeBadge() : t('common.no'))))))));
}

function footer() {
  return el('footer', { class: 'report-footer' },
    el('p', { text: t('report.footer', { date: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()) }) }),
    el('p', { text: location.href }));
}

function renderFederation({ body, web, hosts, gaps, convened }) {
  const members = body.parties.filter((p) => p.active && p.role === 'MEMBER');
  const memberCodes = new Set(members.map((p) => p.party));
  const memberGaps = gaps.gaps.filter((g) => memberCodes.has(g.code));
  const items = [{ name: body.name, form: body.form, source: body.source, illustrative: body.illustrative },
    ...convened.map((b) => ({ name: b.name, form: b.form, source: b.source, illustrative: b.illustrative }))];
  const illustrative = items.filter((i) => i.illustrative).length;
  const hostsRanked = hosts.municipalities.filter((m) => m.hostRoles > 0).sort((a, b) => b.hostRoles - a.hostRoles);
  const dependent = hosts.municipalities.filter((m) => m.dependency).sort((a, b) => b.dependency.share - a.dependency.share);
  const date = web.asOf;
  fill($('report'),
    el('section', { class: 'report-section first', id: 'summary' },
      header(body.name, date, illustrative, items.length),
      el('h2', { i18n: 'report.summary' }),
      el('div', { class: 'figures' },
        figure('report.members', String(members.length), members.map((p) => p.name ?? p.party).join(', '), 'figure-members'),
        figure('report.convened', String(convened.length), convened.map((b) => b.name).join(', '), null, true),
        figure('report.hostRoles', String(hosts.hostRoles), t('report.fedHostRolesExplain', { hhi: formatNumber(hosts.hhi, 3),
          cr1: formatPercent(hosts.cr1) }), 'figure-host-roles'),
        figure('report.gapCount', String(memberGaps.length), t('report.fedGapsExplain')))),
    section('report.web', 'web', picture(web, t('graph.webTitle', { name: body.name }), t('timeline.pictureDate', { date }), true),
      el('p', { class: 'small', i18n: 'report.fedWebExplain' })),
    section('report.hosting', 'hosting',
      hostsRanked.length ? el('table', { id: 'report-hosts' },
        el('thead', {}, el('tr', {}, ['common.municipality', 'web.hostRoles', 'hosts.share'].map((k, i) => el('th', { scope: 'col', class: i ? 'num' : null, i18n: k })))),
        el('tbody', {}, hostsRanked.map((m) => el('tr', {}, el('td', { text: m.name }), el('td', { class: 'num', text: String(m.hostRoles) }),
          el('td', { class: 'num', text: formatPercent(m.share, 1) }))))) : el('p', { i18n: 'hosts.noHosts' }),
      el('h3', { i18n: 'hosts.dependency' }),
      dependent.length ? el('table', { id: 'report-dependency' },
        el('thead', {}, el('tr', {}, ['common.municipality', 'hosts.host', 'hosts.share'].map((k, i) => el('th', { scope: 'col', class: i === 2 ? 'num' : null, i18n: k })))),
        el('tbody', {}, dependent.map((m) => el('tr', {}, el('td', { text: m.name }), el('td', { text: m.dependency.hostName ?? m.dependency.host }),
          el('td', { class: 'num', text: `${formatPercent(m.dependency.share)} (${m.dependency.hostedByHost} / ${m.dependency.participations})` })))))
        : el('p', { i18n: 'hosts.noDependency' })),
    section('report.gaps', 'gaps', ...gapList(memberGaps)),
    sources(items, date),
    footer());
}
