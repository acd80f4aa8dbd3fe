// Min samverkansväv: a municipality's ego web, portfolio, key figures and "if we leave".
import {
  initPage, t, el, clear, fill, api, showError, showNotice, showLoading, illustrativeBadge, formLabel, roleLabel,
  levelLabel, formatNumber, formatPercent, loadCatalogue, loadMunicipalities, areaName, sectorName, fillSelect,
  param, setParam, onLangChange, onDateChange, markDataset, FORMS, DEFAULT_FORMS, FORM_COLOURS, pick, lang,
} from './common.js';
import { egoStyle } from './graph-style.js';

const $ = (id) => document.getElementById(id);
let cat = null;
let list = [];
let cy = null;
let state = { code: null, web: null, details: null, hosts: null, centrality: null, centralityError: null };

await initPage('web');
buildFormChecks();
// A code in the address is asked for at once, beside the lists; its web is drawn once the lists are in.
const lists = Promise.all([loadCatalogue(), loadMunicipalities()]).then((both) => { [cat, list] = both; });
const initial = param('code');
const direct = /^\d{4}$/.test(initial ?? '');
if (direct) choose(initial);
try {
  await lists;
} catch (e) {
  showError($('status'), e);
}
fillMunicipalityList();
fillSectors();
fillLegend();
markDataset($('dataset-mark'));

$('controls').addEventListener('submit', (e) => { e.preventDefault(); choose($('municipality').value); });
$('municipality').addEventListener('change', () => {
  const code = resolve($('municipality').value);
  if (code && code !== state.code) choose($('municipality').value);
});
$('depth').addEventListener('change', () => state.code && load());
$('forms').addEventListener('change', () => state.code && load());
$('sector').addEventListener('change', () => applySectorFilter());
$('exit-form').addEventListener('submit', (e) => { e.preventDefault(); runExit(); });
onDateChange(() => { markDataset($('dataset-mark')); if (state.code) load(); });
onLangChange(() => { fillSectors(); fillLegend(); if (state.web) render(); });

if (initial && !direct) choose(initial);
else if (!initial) showNotice($('status'), t('web.choose'));

function buildFormChecks() {
  const box = $('forms');
  FORMS.forEach((form) => {
    const input = el('input', { type: 'checkbox', value: form, id: 'form-' + form, checked: DEFAULT_FORMS.includes(form) });
    box.append(el('label', { for: 'form-' + form }, input, el('span', { i18n: 'form.' + form })));
  });
}

function chosenForms() {
  return [...$('forms').querySelectorAll('input:checked')].map((i) => i.value);
}

function fillMunicipalityList() {
  const datalist = clear($('municipality-list'));
  list.forEach((m) => datalist.append(el('option', { value: `${m.name} (${m.code})` })));
}

function fillSectors() {
  fillSelect($('sector'), [{ value: '', text: t('common.allSectors') },
    ...(cat?.sectors ?? []).map((s) => ({ value: s.id, text: pick(s, 'name') }))]);
}

function fillLegend() {
  const legend = clear($('legend'));
  legend.append(el('li', {}, el('span', { class: 'swatch round', style: 'background:#12355b' }), t('web.legendEgo')));
  legend.append(el('li', {}, el('span', { class: 'swatch round', style: 'background:#9fb3c8' }), t('web.legendMunicipality')));
  legend.append(el('li', {}, el('span', { class: 'swatch round', style: 'background:#fff;border:4px solid #d35400' }), t('web.legendHost')));
  chosenOrAll().forEach((form) => legend.append(el('li', {},
    el('span', { class: 'swatch', style: `background:${FORM_COLOURS[form]}` }), formLabel(form))));
  legend.append(el('li', {}, el('span', { class: 'swatch dashed' }), t('illustrative.legend')));
  [['HOST', '#d35400', 4], ['MEMBER', '#4a6fa5', 2], ['PARTICIPANT', '#8899a6', 2]].forEach(([role, colour, width]) =>
    legend.append(el('li', {}, el('span', { class: 'swatch', style: `height:${width}px;border:0;background:${colour}` }),
      t('web.legendEdge', { role: roleLabel(role) }))));
}

function chosenOrAll() { const f = chosenForms(); return f.length ? f : DEFAULT_FORMS; }

/**
 * A code typed or picked ("Skövde (1496)"), or the code of the one municipality whose name matches. A code is
 * recognised by being in the list, not by its form: the server's code pattern is configurable
 * (samverkansvaven.data.municipality-code-pattern, e.g. 6 digits or LAU codes), so the page holds none.
 */
function resolve(text) {
  const value = (text || '').trim();
  if (!value) return null;
  const picked = value.match(/\(([^()]+)\)$/);
  const candidate = picked ? picked[1].trim() : value;
  if (list.some((m) => m.code === candidate)) return candidate;
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const needle = fold(value);
  const exact = list.filter((m) => fold(m.name) === needle);
  if (exact.length === 1) return exact[0].code;
  const partial = list.filter((m) => fold(m.name).includes(needle));
  return partial.length === 1 ? partial[0].code : null;
}

function choose(text) {
  const code = resolve(text) ?? (String(text || '').trim() || null);
  if (!code) { showNotice($('status'), t('web.choose')); return; }
  // Digits that name no listed municipality still go to the server, which says whether the code is malformed
  // (400, against its configured pattern) or unknown (404).
  if (!resolve(code) && !/^\d+$/.test(code)) {
    clearResults();
    showError($('status'), new Error(t('web.noMatch', { text: code })), 'error.input');
    return;
  }
  state.code = code;
  setParam('code', code);
  load();
}

function clearResults() {
  if (cy) { cy.destroy(); cy = null; }
  state.web = null;
  ['node-list', 'figures', 'position', 'portfolio', 'exit-result'].forEach((id) => clear($(id)));
  clear($('exit-target'));
}

async function load() {
  const code = state.code;
  const forms = chosenForms();
  const depth = $('depth').value;
  clearResults();
  showLoading($('status'));
  if (forms.length === 0) { showNotice($('status'), t('web.noForms')); return; }
  let web;
  let details;
  try {
    [web, details] = await Promise.all([
      api(`/api/analysis/web/${encodeURIComponent(code)}?depth=${depth}&forms=${forms.join(',')}`),
      api(`/api/municipalities/${encodeURIComponent(code)}`),
    ]);
  } catch (e) {
    showError($('status'), e);
    showNotice($('details'), t('web.detailsHint'));
    return;
  }
  await lists.catch(() => {}); // names of areas and sectors for the tables
  if (code !== state.code) return;
  state = { ...state, web, details, hosts: null, centrality: null, centralityError: null, hostsError: null };
  $('municipality').value = `${details.name} (${details.code})`;
  clear($('status'));
  const position = loadPosition(details); // asked before drawing, so the server works while the browser draws
  render();
  await position;
}

function render() {
  const { web, details } = state;
  fillLegend();
  renderGraph(web);
  renderNodeList(web);
  renderPortfolio(web, details);
  renderFigures(web, details);
  renderPosition();
  fillExitTargets(details);
  if (web.nodes.length <= 1) {
    showNotice($('status'), t('web.noBodies', { name: details.name, date: web.asOf }));
  }
  applySectorFilter();
}

function nodeDisplay(node) {
  const star = node.host ? ' ★' : '';
  return node.label + star;
}

function renderGraph(web) {
  if (cy) cy.destroy();
  const maxDistance = Math.max(0, ...web.nodes.map((n) => n.data.distance));
  cy = cytoscape({
    container: $('graph'),
    elements: [
      ...web.nodes.map((n) => ({ data: { ...n.data, display: nodeDisplay(n.data) } })),
      ...web.edges.map((e) => ({ data: { ...e.data, display: roleLabel(e.data.role) } })),
    ],
    style: egoStyle(),
    layout: { name: 'concentric', concentric: (n) => maxDistance - n.data('distance'), levelWidth: () => 1,
      minNodeSpacing: 18, animate: false },
  });
  cy.on('tap', 'node', (event) => showNode(event.target.data()));
  window.samverkansvavenGraph = cy; // for the browser tests
}

function renderNodeList(web) {
  const ul = clear($('node-list'));
  web.nodes.forEach(({ data }) => {
    const kind = data.type === 'body' ? formLabel(data.form) : t('type.' + data.type);
    ul.append(el('li', { dataset: { id: data.id } },
      el('button', { type: 'button', class: 'link-button', on: { click: () => selectNode(data.id) } }, data.label),
      ` (${kind}${data.host ? ', ' + t('web.hostShort') : ''})`,
      data.illustrative ? illustrativeBadge() : null));
  });
}

function selectNode(id) {
  if (!cy) return;
  cy.$(':selected').unselect();
  const node = cy.getElementById(id);
  node.select();
  showNode(node.data());
}

async function showNode(data) {
  const box = $('details');
  if (data.type !== 'body') {
    fill(box, 
      el('h3', { text: data.label }),
      el('dl', {},
        el('dt', { text: t('common.type') }), el('dd', { text: t('type.' + data.type) }),
        el('dt', { text: t('common.code') }), el('dd', { text: data.id }),
        el('dt', { text: t('web.hostInWeb') }), el('dd', { text: data.host ? t('common.yes') : t('common.no') })),
      data.type === 'municipality' && data.id !== state.code
        ? el('button', { type: 'button', class: 'secondary', on: { click: () => { $('municipality').value = data.id; choose(data.id); } } },
          t('web.showWebOf', { name: data.label }))
        : null);
    return;
  }
  showLoading(box);
  try {
    const body = await api(`/api/bodies/${encodeURIComponent(data.id)}`);
    renderBody(box, body);
  } catch (e) {
    showError(box, e);
  }
}

function renderBody(box, body) {
  const heading = el('h3', {}, body.name, body.illustrative ? illustrativeBadge() : null);
  const rows = [
    [t('common.form'), formLabel(body.form)],
    [t('common.id'), body.id],
    body.seat ? [t('web.seat'), `${body.seat.name} (${body.seat.code})`] : null,
    body.sector ? [t('web.sector'), sectorName(cat, body.sector)] : null,
    body.level ? [t('common.level'), levelLabel(body.level)] : null,
    [t('common.areas'), body.areas.map((a) => pick(a, 'name')).join(', ') || '–'],
    [t('common.validFrom'), body.validFrom || '–'],
    [t('common.validTo'), body.validTo || '–'],
    [t('common.source'), body.source || '–'],
  ].filter(Boolean);
  const dl = el('dl', {}, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const parties = body.parties.filter((p) => p.active);
  const table = el('table', {},
    el('caption', { text: t('web.partiesOn', { date: body.asOf }) }),
    el('thead', {}, el('tr', {}, el('th', { text: t('common.party') }), el('th', { text: t('common.role') }),
      el('th', { text: t('common.since') }), el('th', { text: t('common.source') }))),
    el('tbody', {}, parties.map((p) => el('tr', {},
      el('td', { text: `${p.name ?? p.party}` }), el('td', { text: roleLabel(p.role) }),
      el('td', { text: p.validFrom || '–' }), el('td', { text: p.source || '–' })))));
  const extra = [];
  if (body.conveners?.length) {
    extra.push(el('p', {}, el('strong', { text: t('web.conveners') + ': ' }),
      body.conveners.filter((c) => c.active).map((c) => c.name ?? c.party).join(', ')));
  }
  if (body.goals?.length) {
    extra.push(el('p', {}, el('strong', { text: t('web.goals') + ': ' }), body.goals.map((g) => g.name).join(', ')));
  }
  // Editing needs a login with rights to this body; the page itself says so when they are missing.
  extra.push(el('p', {}, el('a', { href: `redigera.html?id=${encodeURIComponent(body.id)}`, text: t('edit.title') })));
  fill(box, heading, dl, el('div', { class: 'table-wrap' }, table), ...extra);
}

/** body id → {partners: [labels], host: label} from the ego web's edges. */
function bodyParties(web) {
  const labels = Object.fromEntries(web.nodes.map((n) => [n.data.id, n.data.label]));
  const byBody = {};
  web.edges.forEach(({ data }) => {
    const entry = byBody[data.target] ??= { partners: [], host: null };
    if (data.role === 'HOST') entry.host = labels[data.source];
    if (data.source !== web.code) entry.partners.push(labels[data.source] ?? data.source);
  });
  return byBody;
}

function portfolioBodies(details) {
  const forms = chosenForms();
  return details.bodies.filter((b) => forms.includes(b.form));
}

function renderPortfolio(web, details) {
  const box = $('portfolio');
  const bodies = portfolioBodies(details);
  if (bodies.length === 0) { showNotice(box, t('web.noBodies', { name: details.name, date: details.asOf })); return; }
  const parties = bodyParties(web);
  const table = el('table', { id: 'portfolio-table' },
    el('caption', { text: t('web.portfolioCaption', { name: details.name, date: details.asOf }) }),
    el('thead', {}, el('tr', {}, ['common.body', 'common.form', 'common.role', 'common.areas', 'web.partners', 'web.host', 'common.since']
      .map((k) => el('th', { scope: 'col', text: t(k) })))),
    el('tbody', {}, bodies.map((b) => {
      const p = parties[b.id];
      const partners = p ? p.partners : [];
      return el('tr', { dataset: { id: b.id, sectors: sectorsOf(b.areas).join(' ') } },
        el('td', {}, el('button', { type: 'button', class: 'link-button', on: { click: () => selectNode(b.id) } }, b.name),
          b.illustrative ? illustrativeBadge() : null),
        el('td', { text: formLabel(b.form) }),
        el('td', { text: roleLabel(b.role) }),
        el('td', { text: b.areas.map((a) => areaName(cat, a)).join(', ') || '–' }),
        el('td', { text: partners.length ? `${partners.length}: ${partners.join(', ')}` : '–' }),
        el('td', { text: b.role === 'HOST' ? details.name : (p?.host ?? '–') }),
        el('td', { text: b.since || '–' }));
    })));
  fill(box, table);
}

function sectorsOf(areas) {
  return [...new Set((areas || []).map((a) => cat?.area[a]?.sector).filter(Boolean))];
}

function figure(labelKey, value, explain, id) {
  return el('div', { class: 'figure', id },
    el('div', { class: 'label', text: t(labelKey) }),
    el('div', { class: 'value', text: value }),
    explain ? el('div', { class: 'explain', text: explain }) : null);
}

function renderFigures(web, details) {
  const box = clear($('figures'));
  const bodies = portfolioBodies(details);
  const counts = {};
  bodies.forEach((b) => { counts[b.form] = (counts[b.form] ?? 0) + 1; });
  const countList = el('ul', { class: 'legend', id: 'counts-by-form' }, Object.entries(counts).map(([form, n]) =>
    el('li', {}, el('span', { class: 'swatch', style: `background:${FORM_COLOURS[form]}` }), `${formLabel(form)}: ${n}`)));
  box.append(el('div', { class: 'figure' }, el('div', { class: 'label', text: t('web.countsByForm') }),
    el('div', { class: 'value', text: String(bodies.length) }), countList));
  const hostable = bodies.filter((b) => b.form === 'JOINT_COMMITTEE' || b.form === 'AGREEMENT');
  const hosted = hostable.filter((b) => b.role === 'HOST');
  box.append(figure('web.hostedShare', hostable.length ? formatPercent(hosted.length / hostable.length) : '–',
    t('web.hostedShareExplain', { hosted: hosted.length, total: hostable.length }), 'hosted-share'));
  box.append(figure('web.partnersCount', String(web.partners.length),
    web.partners.slice(0, 3).map((p) => `${p.label ?? p.id} (${p.weight})`).join(', ')));
}

async function loadPosition(details) {
  const county = details.county?.code;
  const code = details.code;
  if (!county) return;
  const hosts = api(`/api/analysis/hosts?scope=county:${county}`)
    .then((h) => { state.hosts = h; }, (e) => { state.hostsError = e; });
  const centrality = api(`/api/analysis/centrality?scope=county:${county}`)
    .then((c) => { state.centrality = c; }, (e) => { state.centralityError = e; });
  await Promise.all([hosts, centrality]);
  if (state.code === code) renderPosition();
}

function renderPosition() {
  const box = clear($('position'));
  const { details } = state;
  if (!details) return;
  const figures = el('div', { class: 'figures' });
  box.append(figures);
  if (state.hostsError) {
    box.append(el('div', { class: 'message error', role: 'alert' }, el('strong', { text: t('web.dependencyFailed') }), ' ',
      state.hostsError.detail ?? String(state.hostsError)));
  } else if (state.hosts) {
    const me = state.hosts.municipalities.find((m) => m.code === details.code);
    const dep = me?.dependency;
    figures.append(figure('web.dependency', dep ? formatPercent(dep.share) : '–',
      dep ? t('web.dependencyExplain', { host: dep.hostName ?? dep.host, n: dep.hostedByHost, of: dep.participations })
        : t('web.noDependency'), 'dependency'));
    figures.append(figure('web.hostRoles', String(me?.hostRoles ?? 0),
      t('web.hostRolesExplain', { seats: me?.seats ?? 0, county: details.county.name })));
  } else {
    figures.append(el('p', { class: 'message loading', text: t('common.loading') }));
  }
  if (state.centralityError) {
    box.append(el('p', { class: 'message notice', role: 'status', id: 'centrality-unavailable' },
      t('web.centralityUnavailable'), ' ', el('span', { class: 'small', text: state.centralityError.detail ?? '' })));
  } else if (state.centrality) {
    const vertices = state.centrality.vertices ?? [];
    const me = vertices.find((v) => v.id === details.code);
    if (!me) {
      figures.append(figure('web.centrality', '–', t('web.notInP', { county: details.county.name })));
    } else {
      figures.append(figure('web.centrality', t('web.rankOf', { rank: me.ranks?.betweenness ?? '?', n: vertices.length }),
        t('web.centralityExplain', { county: details.county.name, b: formatNumber(me.betweenness, 3),
          degree: me.degree, rank: me.ranks?.degree ?? '?' })
        + (me.articulationPoint ? ' ' + t('web.articulation') : ''), 'centrality'));
    }
  }
}

function fillExitTargets(details) {
  const select = clear($('exit-target'));
  select.append(el('option', { value: 'all', text: t('web.exitAll') }));
  const bodies = portfolioBodies(details).filter((b) => b.role !== 'CONVENER');
  if (bodies.length) {
    select.append(el('optgroup', { label: t('web.exitBody') }, bodies.map((b) =>
      el('option', { value: 'body:' + b.id, text: `${b.name} (${formLabel(b.form)})` }))));
  }
  const areas = [...new Set(bodies.flatMap((b) => b.areas))].sort();
  if (areas.length) {
    select.append(el('optgroup', { label: t('web.exitArea') }, areas.map((a) =>
      el('option', { value: 'area:' + a, text: areaName(cat, a) }))));
  }
}

async function runExit() {
  const box = $('exit-result');
  if (!state.code) { showNotice(box, t('web.choose')); return; }
  const target = $('exit-target').value || 'all';
  let query = `municipality=${encodeURIComponent(state.code)}&forms=${chosenForms().join(',')}`;
  if (target.startsWith('body:')) query += '&body=' + encodeURIComponent(target.slice(5));
  if (target.startsWith('area:')) query += '&area=' + encodeURIComponent(target.slice(5));
  showLoading(box);
  try {
    renderExit(box, await api('/api/analysis/exit?' + query));
  } catch (e) {
    showError(box, e);
  }
}

function renderExit(box, r) {
  const names = (refs) => refs.length ? refs.map((b) => b.name).join(', ') : t('common.none');
  const parts = [
    el('p', {}, el('strong', { text: t('web.exitLeft') + ': ' }), names(r.bodiesLeft)),
    el('p', {}, el('strong', { text: t('web.exitEnded') + ': ' }), names(r.bodiesEnded)),
    el('p', {}, el('strong', { text: t('web.exitLostSelf') + ': ' }),
      r.areasLostByLeaver.length ? r.areasLostByLeaver.map((a) => areaName(cat, a)).join(', ') : t('common.none')),
    el('p', {}, el('strong', { text: t('web.exitComponents') + ': ' }),
      t('web.exitComponentsText', { before: r.componentsBefore, after: r.componentsAfter, actorsBefore: r.actorsBefore, actorsAfter: r.actorsAfter })),
    el('p', {}, el('strong', { text: t('web.exitArticulation') + ': ' }),
      t('web.exitArticulationText', { gained: r.articulationPointsGained.join(', ') || t('common.none'),
        lost: r.articulationPointsLost.join(', ') || t('common.none') })),
  ];
  if (r.areasLostByOthers.length) {
    parts.push(el('h3', { text: t('web.exitLostOthers') }), el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { text: t('common.party') }), el('th', { text: t('common.areas') }))),
      el('tbody', {}, r.areasLostByOthers.map((l) => el('tr', {}, el('td', { text: l.label ?? l.party }),
        el('td', { text: l.areas.map((a) => areaName(cat, a)).join(', ') })))))));
  }
  if (r.rankChanges.length) {
    parts.push(el('h3', { text: t('web.exitRanks') }), el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { text: t('common.municipality') }), el('th', { class: 'num', text: t('web.rankBefore') }),
        el('th', { class: 'num', text: t('web.rankAfter') }))),
      el('tbody', {}, r.rankChanges.slice(0, 20).map((c) => el('tr', {}, el('td', { text: c.name ?? c.code }),
        el('td', { class: 'num', text: c.rankBefore ?? '–' }), el('td', { class: 'num', text: c.rankAfter ?? '–' })))))));
    if (r.rankChanges.length > 20) parts.push(el('p', { class: 'small', text: t('web.moreRows', { n: r.rankChanges.length - 20 }) }));
  }
  fill(box, ...parts);
}

/** Fades bodies outside the chosen sector (and actors left with no visible body), and hides their table rows. */
function applySectorFilter() {
  const sector = $('sector').value;
  if (cy) {
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (!sector) return;
      cy.nodes('[type = "body"]').forEach((n) => {
        if (!sectorsOf(n.data('areas')).includes(sector)) n.addClass('faded');
      });
      cy.nodes('[type != "body"]').forEach((n) => {
        if (n.data('distance') !== 0 && n.neighborhood('node').every((b) => b.hasClass('faded'))) n.addClass('faded');
      });
      cy.edges().forEach((e) => { if (e.source().hasClass('faded') || e.target().hasClass('faded')) e.addClass('faded'); });
    });
  }
  document.querySelectorAll('#portfolio-table tbody tr').forEach((row) => {
    row.hidden = !!sector && !row.dataset.sectors.split(' ').includes(sector);
  });
}
