// The cooperation graphs of Min samverkansväv, Tidslinje, Rapport and Jämför: the Cytoscape style (bodies
// coloured by form, roles by the colour of the line, no labels on lines unless asked), a ring layout that
// leaves room for every label, a last check that hides a label that would still overprint another, the legend
// (on the page and in the picture) and the picture itself as PNG (Cytoscape's own cy.png) or SVG (written
// here from the laid-out elements) with title, date and legend.
import { FORM_COLOURS, t, el, fill, formLabel, roleLabel } from './common.js';

export const ROLE_COLOURS = { HOST: '#d35400', MEMBER: '#4a6fa5', PARTICIPANT: '#8899a6', CONVENER: '#2e7d32' };
const EGO = '#12355b';
const MUNICIPALITY = '#9fb3c8';
const REGION = '#7fb59a';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** The style of the ego and federation webs. edgeLabels: the role written on every line (off by default). */
export function egoStyle({ edgeLabels = false } = {}) {
  const byForm = Object.entries(FORM_COLOURS).map(([form, colour]) => ({
    selector: `node[type = "body"][form = "${form}"]`, style: { 'background-color': colour },
  }));
  return [
    { selector: 'node', style: {
      label: 'data(display)', 'font-size': 10, 'font-family': FONT, 'text-wrap': 'wrap', 'text-max-width': 110,
      'text-valign': 'bottom', 'text-margin-y': 3, color: '#1a1a1a',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
    } },
    { selector: 'node[type = "municipality"]', style: {
      shape: 'ellipse', 'background-color': MUNICIPALITY, 'border-color': '#34495e', 'border-width': 1, width: 26, height: 26,
    } },
    { selector: 'node[type = "region"], node[type = "actor"]', style: {
      shape: 'hexagon', 'background-color': REGION, 'border-color': '#1b5e3b', 'border-width': 1, width: 30, height: 30,
    } },
    { selector: 'node[type = "body"]', style: { shape: 'round-rectangle', width: 20, height: 20, 'font-size': 10 } },
    ...byForm,
    { selector: 'node[?host]', style: { 'border-width': 5, 'border-color': ROLE_COLOURS.HOST } },
    { selector: 'node[?illustrative]', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#8a5a00' } },
    // The centre of the web is larger and bold; a municipality is dark blue, a body keeps its form's colour.
    { selector: 'node[distance = 0]', style: { width: 42, height: 42, 'font-size': 13, 'font-weight': 'bold' } },
    { selector: 'node[distance = 0][type = "municipality"]', style: { 'background-color': EGO, 'border-color': EGO } },
    { selector: 'node[distance = 0][?host]', style: { 'border-color': ROLE_COLOURS.HOST, 'border-width': 5 } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': ROLE_COLOURS.PARTICIPANT, 'curve-style': 'straight', opacity: 0.8,
      ...(edgeLabels ? { label: 'data(display)', 'font-size': 8, 'text-rotation': 'autorotate', color: '#333',
        'text-background-color': '#fff', 'text-background-opacity': 0.85, 'min-zoomed-font-size': 8 } : {}),
    } },
    { selector: 'edge[role = "HOST"]', style: { width: 3.5, 'line-color': ROLE_COLOURS.HOST } },
    { selector: 'edge[role = "MEMBER"]', style: { 'line-color': ROLE_COLOURS.MEMBER } },
    { selector: 'edge[role = "CONVENER"]', style: { 'line-color': ROLE_COLOURS.CONVENER, 'line-style': 'dashed' } },
    { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // Selection is an outline, never a colour change: a selected federation stays federation blue.
    { selector: 'node:selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.45, 'overlay-padding': 7,
      'text-opacity': 1, 'text-background-opacity': 0.85, 'z-index': 10 } },
    { selector: 'edge:selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'node.changed-added', style: { 'overlay-color': '#1b7a4c', 'overlay-opacity': 0.35, 'overlay-padding': 9 } },
    { selector: 'node.changed-removed', style: { 'overlay-color': '#a4161a', 'overlay-opacity': 0.35, 'overlay-padding': 9 } },
  ];
}

/**
 * What a node is called in the graph: its label, shortened at a word to two lines or so (the full name is in
 * the node list, the details and the tables), ★ when it hosts something in the web.
 */
export function nodeDisplay(data) { return shorten(data.label, 44) + (data.host ? ' ★' : ''); }

export function shorten(text, max) {
  const value = String(text ?? '');
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,(–-]+$/, '') + '…';
}

/** Cytoscape elements from the web answers of the API (/api/analysis/web, /api/analysis/federation-web). */
export function webElements(web) {
  return [
    ...web.nodes.map((n) => ({ group: 'nodes', data: { ...n.data, display: nodeDisplay(n.data) } })),
    ...web.edges.map((e) => ({ group: 'edges', data: { ...e.data, display: roleLabel(e.data.role) } })),
  ];
}

/** The legend of a web, as items for the page's list and for the picture. forms: the forms drawn. */
export function webLegend(forms, { ego = 'municipality', roles = ['HOST', 'MEMBER', 'PARTICIPANT'], changes = false } = {}) {
  const items = [];
  if (ego === 'municipality') items.push({ kind: 'round', colour: EGO, text: t('web.legendEgo') });
  items.push({ kind: 'round', colour: MUNICIPALITY, text: t('web.legendMunicipality') });
  items.push({ kind: 'hexagon', colour: REGION, text: t('web.legendRegion') });
  items.push({ kind: 'ring', colour: ROLE_COLOURS.HOST, text: t('web.legendHost') });
  forms.forEach((form) => items.push({ kind: 'square', colour: FORM_COLOURS[form], text: formLabel(form) }));
  items.push({ kind: 'dashed', colour: '#8a5a00', text: t('illustrative.legend') });
  roles.forEach((role) => items.push({ kind: role === 'CONVENER' ? 'dashline' : 'line', colour: ROLE_COLOURS[role],
    width: role === 'HOST' ? 4 : 2, text: t('web.legendEdge', { role: roleLabel(role) }) }));
  if (changes) {
    items.push({ kind: 'halo', colour: '#1b7a4c', text: t('timeline.legendAdded') });
    items.push({ kind: 'halo', colour: '#a4161a', text: t('timeline.legendRemoved') });
  }
  return items;
}

/** Fills a <ul class="legend"> with the items. */
export function renderLegend(ul, items) {
  fill(ul, items.map((item) => el('li', {}, swatch(item), item.text)));
}

function swatch(item) {
  const styles = {
    round: `background:${item.colour};border-radius:50%`,
    hexagon: `background:${item.colour};clip-path:polygon(25% 5%,75% 5%,100% 50%,75% 95%,25% 95%,0 50%)`,
    ring: `background:#fff;border:4px solid ${item.colour};border-radius:50%`,
    square: `background:${item.colour}`,
    dashed: `background:transparent;border:2px dashed ${item.colour}`,
    line: `height:${item.width ?? 2}px;border:0;background:${item.colour}`,
    dashline: `height:0;border:0;border-top:2px dashed ${item.colour};background:transparent`,
    halo: `background:#fff;border-radius:50%;box-shadow:0 0 0 4px ${item.colour}55;border:1px solid ${item.colour}`,
  };
  return el('span', { class: 'swatch', 'aria-hidden': 'true', style: styles[item.kind] ?? styles.square });
}

// ---- layout --------------------------------------------------------------------------------------------

/**
 * Rings around the centre, one per distance (or per ringOf(node)). Each ring is pushed out just far enough that no label box on it
 * overlaps another on it or on an inner ring (boxes measured from the labels as drawn, with a small margin),
 * so no label overprints another. Bodies on a ring are grouped by form (a small gap between groups);
 * municipalities and other parties sit near the mean angle of the bodies they are joined to, so lines stay
 * short. Positions are set in place; call before fitting.
 */
export function ringLayout(cy, ringOf = (n) => n.data('distance') ?? 1) {
  const nodes = cy.nodes();
  // Wider than tall like the graph's box, where the (wide) labels have more room.
  const box = cy.container();
  const aspect = box && box.clientHeight ? Math.min(1.6, Math.max(1, box.clientWidth / box.clientHeight)) : 1.2;
  const rings = new Map();
  nodes.forEach((n) => {
    const d = ringOf(n);
    if (!rings.has(d)) rings.set(d, []);
    rings.get(d).push(n);
  });
  const distances = [...rings.keys()].sort((a, b) => a - b);
  // Each node's box relative to its position (the label hangs below the node).
  const extent = new Map();
  nodes.forEach((n) => {
    const p = n.position();
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false, includeEdges: false });
    extent.set(n.id(), { x1: b.x1 - p.x - 3, x2: b.x2 - p.x + 3, y1: b.y1 - p.y - 3, y2: b.y2 - p.y + 3 });
  });
  const placed = [];
  const boxAt = (n, x, y) => { const e = extent.get(n.id()); return { x1: x + e.x1, x2: x + e.x2, y1: y + e.y1, y2: y + e.y2 }; };
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const angle = new Map();
  let radius = 0;
  distances.forEach((d, index) => {
    const ring = rings.get(d);
    if (index === 0 && ring.length === 1) {
      ring[0].position({ x: 0, y: 0 });
      angle.set(ring[0].id(), 0);
      placed.push(boxAt(ring[0], 0, 0));
      return;
    }
    const ordered = order(ring, angle);
    const gapAfter = ordered.map((n, i) => (ordered.length > 1 && groupOf(n) !== groupOf(ordered[(i + 1) % ordered.length]) ? 0.6 : 0));
    const slots = ordered.length + gapAfter.reduce((a, b) => a + b, 0);
    const angles = [];
    let slot = 0;
    ordered.forEach((n, i) => { angles.push(-Math.PI / 2 + (2 * Math.PI * slot) / slots); slot += 1 + gapAfter[i]; });
    const tryRadius = (r) => ordered.map((n, i) => boxAt(n, aspect * r * Math.cos(angles[i]), r * Math.sin(angles[i])));
    const fits = (boxes) => boxes.every((b, i) => !placed.some((p) => overlaps(b, p))
      && boxes.every((c, j) => j <= i || !overlaps(b, c)));
    let r = radius + 30;
    let boxes = tryRadius(r);
    for (let step = 0; step < 400 && !fits(boxes); step++) { r *= 1.04; boxes = tryRadius(r); }
    radius = r;
    ordered.forEach((n, i) => {
      n.position({ x: aspect * r * Math.cos(angles[i]), y: r * Math.sin(angles[i]) });
      angle.set(n.id(), angles[i]);
    });
    placed.push(...boxes);
  });
}

function groupOf(n) { return n.data('type') === 'body' ? 'body:' + n.data('form') : 'party'; }

/** Bodies by form, then name; other nodes by the mean angle of their already placed neighbours. */
function order(ring, angle) {
  const FORMS = Object.keys(FORM_COLOURS);
  const meanAngle = (n) => {
    const placed = n.neighborhood('node').filter((m) => angle.has(m.id()));
    if (!placed.length) return 10;
    const x = placed.reduce((s, m) => s + Math.cos(angle.get(m.id())), 0);
    const y = placed.reduce((s, m) => s + Math.sin(angle.get(m.id())), 0);
    return (Math.atan2(y, x) + Math.PI * 2.5) % (Math.PI * 2);
  };
  const bodies = ring.filter((n) => n.data('type') === 'body');
  const others = ring.filter((n) => n.data('type') !== 'body');
  const byForm = (a, b) => FORMS.indexOf(a.data('form')) - FORMS.indexOf(b.data('form'))
    || meanAngle(a) - meanAngle(b) || String(a.data('label')).localeCompare(String(b.data('label')), 'sv');
  bodies.sort(byForm);
  others.sort((a, b) => meanAngle(a) - meanAngle(b) || String(a.data('label')).localeCompare(String(b.data('label')), 'sv'));
  return [...bodies, ...others];
}

/**
 * Hides the label of any node whose label box would overlap one already shown, going from the most
 * important node down (the centre, hosts, bodies, the rest by number of lines). Labels are drawn in model
 * units, so overlaps do not change with the zoom; a hidden label shows when its node is selected.
 */
export function hideOverlappingLabels(cy) {
  cy.batch(() => cy.nodes().removeClass('label-hidden'));
  const shown = [];
  const rank = (n) => (n.data('distance') === 0 ? 0 : n.data('host') ? 1 : n.data('type') === 'body' ? 2 : 3);
  const nodes = cy.nodes(':visible').filter((n) => n.style('label') && n.style('display') !== 'none')
    .sort((a, b) => rank(a) - rank(b) || b.degree() - a.degree());
  const hidden = [];
  nodes.forEach((n) => {
    const b = labelBox(n);
    if (shown.some((s) => b.x1 < s.x2 && s.x1 < b.x2 && b.y1 < s.y2 && s.y1 < b.y2)) hidden.push(n);
    else shown.push(b);
  });
  cy.batch(() => hidden.forEach((n) => n.addClass('label-hidden')));
  return hidden.length;
}

/** The label's own box (without the node), in model coordinates. */
export function labelBox(n) {
  return n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
}

// ---- the picture ---------------------------------------------------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => { if (v !== null && v !== undefined) node.setAttribute(k, String(v)); });
  if (text !== undefined) node.textContent = text;
  return node;
}

const px = (value) => parseFloat(value) || 0;

/** Words of a label wrapped to the width the graph uses, as Cytoscape wraps them (measured with a canvas). */
function wrap(text, font, maxWidth) {
  const context = wrap.canvas ??= document.createElement('canvas').getContext('2d');
  context.font = font;
  const lines = [];
  String(text).split('\n').forEach((paragraph) => {
    let line = '';
    paragraph.split(/\s+/).forEach((word) => {
      const candidate = line ? line + ' ' + word : word;
      if (line && context.measureText(candidate).width > maxWidth) { lines.push(line); line = word; } else line = candidate;
    });
    lines.push(line);
  });
  return lines;
}

const HEAD = 64;
const LEGEND_ROW = 22;

/** Rows of legend items that fit the width, for the picture. */
function legendRows(items, width) {
  const context = wrap.canvas ??= document.createElement('canvas').getContext('2d');
  context.font = `13px ${FONT}`;
  const rows = [[]];
  let x = 0;
  items.forEach((item) => {
    const w = 26 + context.measureText(item.text).width + 18;
    if (x + w > width && rows[rows.length - 1].length) { rows.push([]); x = 0; }
    rows[rows.length - 1].push({ item, x, w });
    x += w;
  });
  return rows;
}

/**
 * The graph as an SVG document (a DOM node): title and date on top, the nodes, lines and labels as laid out
 * and styled on the page (faded ones faded, hidden labels left out), and the legend below. Vector, so it
 * prints sharp in the board report.
 */
export function graphSvg(cy, { title, subtitle, legend = [], width = 1000 }) {
  const elements = cy.elements(':visible');
  const bb = elements.boundingBox({ includeLabels: true, includeOverlays: false });
  const pad = 16;
  const scale = Math.min(1.6, (width - 2 * pad) / Math.max(bb.w, 1));
  const graphHeight = bb.h * scale;
  const rows = legendRows(legend, width - 2 * pad);
  const height = HEAD + graphHeight + 2 * pad + rows.length * LEGEND_ROW + 10;
  const svg = svgEl('svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT });
  svg.append(svgEl('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  svg.append(svgEl('text', { x: pad, y: 28, 'font-size': 20, 'font-weight': 'bold', fill: '#1a1a1a' }, title));
  if (subtitle) svg.append(svgEl('text', { x: pad, y: 50, 'font-size': 13, fill: '#4a4a4a' }, subtitle));
  const ox = (width - bb.w * scale) / 2;
  const g = svgEl('g', { transform: `translate(${ox} ${HEAD + pad}) scale(${scale}) translate(${-bb.x1} ${-bb.y1})` });
  svg.append(g);
  cy.edges(':visible').forEach((e) => {
    const s = e.sourceEndpoint();
    const tgt = e.targetEndpoint();
    g.append(svgEl('line', { x1: s.x, y1: s.y, x2: tgt.x, y2: tgt.y, stroke: e.style('line-color'),
      'stroke-width': px(e.style('width')), opacity: e.effectiveOpacity(),
      'stroke-dasharray': e.style('line-style') === 'dashed' ? '6 3' : null }));
  });
  cy.nodes(':visible').forEach((n) => g.append(nodeShape(n)));
  cy.nodes(':visible').forEach((n) => {
    if (n.hasClass('label-hidden') && !n.selected()) return;
    const label = n.style('label');
    if (!label) return;
    const size = px(n.style('font-size'));
    const font = `${n.style('font-weight')} ${size}px ${FONT}`;
    const lines = wrap(label, font, px(n.style('text-max-width')));
    const p = n.position();
    const lineHeight = size * 1.2;
    const top = n.style('text-valign') === 'center' ? p.y - (lines.length * lineHeight) / 2
      : p.y + n.height() / 2 + px(n.style('border-width')) / 2 + px(n.style('text-margin-y'));
    const textG = svgEl('g', { opacity: n.effectiveOpacity() });
    const context = wrap.canvas;
    context.font = font;
    const widest = Math.max(...lines.map((l) => context.measureText(l).width));
    if (px(n.style('text-background-opacity')) > 0) {
      textG.append(svgEl('rect', { x: p.x - widest / 2 - 1, y: top, width: widest + 2, height: lines.length * lineHeight + 2,
        fill: '#ffffff', 'fill-opacity': 0.85 }));
    }
    lines.forEach((line, i) => textG.append(svgEl('text', { x: p.x, y: top + (i + 1) * lineHeight - size * 0.2,
      'font-size': size, 'font-weight': n.style('font-weight'), 'text-anchor': 'middle', fill: n.style('color') }, line)));
    g.append(textG);
  });
  const legendTop = HEAD + graphHeight + 2 * pad;
  rows.forEach((row, r) => row.forEach(({ item, x }) => {
    const y = legendTop + r * LEGEND_ROW;
    svg.append(legendMark(item, pad + x, y));
    svg.append(svgEl('text', { x: pad + x + 22, y: y + 12, 'font-size': 13, fill: '#1a1a1a' }, item.text));
  }));
  return svg;
}

function nodeShape(n) {
  const p = n.position();
  const w = n.width();
  const h = n.height();
  const attrs = { fill: n.style('background-color'), 'fill-opacity': n.style('background-opacity'), stroke: n.style('border-color'),
    'stroke-width': px(n.style('border-width')), opacity: n.effectiveOpacity(),
    'stroke-dasharray': n.style('border-style') === 'dashed' ? '4 2' : null };
  if (!attrs['stroke-width']) attrs.stroke = 'none';
  const shape = n.style('shape');
  if (shape === 'ellipse') return svgEl('ellipse', { cx: p.x, cy: p.y, rx: w / 2, ry: h / 2, ...attrs });
  if (shape === 'hexagon') {
    const pts = [[-0.5, 0], [-0.25, -0.5], [0.25, -0.5], [0.5, 0], [0.25, 0.5], [-0.25, 0.5]]
      .map(([x, y]) => `${p.x + x * w},${p.y + y * h}`).join(' ');
    return svgEl('polygon', { points: pts, ...attrs });
  }
  return svgEl('rect', { x: p.x - w / 2, y: p.y - h / 2, width: w, height: h, rx: shape === 'round-rectangle' ? 4 : 0, ...attrs });
}

function legendMark(item, x, y) {
  const g = svgEl('g');
  if (item.kind === 'line' || item.kind === 'dashline') {
    g.append(svgEl('line', { x1: x, y1: y + 8, x2: x + 16, y2: y + 8, stroke: item.colour, 'stroke-width': item.width ?? 2,
      'stroke-dasharray': item.kind === 'dashline' ? '4 2' : null }));
  } else if (item.kind === 'round' || item.kind === 'ring' || item.kind === 'halo') {
    g.append(svgEl('circle', { cx: x + 8, cy: y + 8, r: 7, fill: item.kind === 'round' ? item.colour : '#ffffff',
      stroke: item.colour, 'stroke-width': item.kind === 'ring' ? 3 : 1 }));
  } else if (item.kind === 'dashed') {
    g.append(svgEl('rect', { x, y: y + 1, width: 15, height: 15, fill: 'none', stroke: item.colour, 'stroke-dasharray': '3 2', 'stroke-width': 2 }));
  } else if (item.kind === 'hexagon') {
    g.append(svgEl('polygon', { points: `${x},${y + 8} ${x + 4},${y + 1} ${x + 12},${y + 1} ${x + 16},${y + 8} ${x + 12},${y + 15} ${x + 4},${y + 15}`,
      fill: item.colour, stroke: '#555' }));
  } else {
    g.append(svgEl('rect', { x, y: y + 1, width: 15, height: 15, fill: item.colour, stroke: '#555' }));
  }
  return g;
}

/** The SVG picture as a file. */
export function svgBlob(svg) {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  return new Blob([text], { type: 'image/svg+xml' });
}

/**
 * The PNG picture: Cytoscape's own cy.png of the whole graph (twice the resolution of the page), on a canvas
 * with the title and date above and the legend below.
 */
export async function graphPng(cy, { title, subtitle, legend = [], width = 1600 }) {
  const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
  const image = await createImageBitmap(blob);
  const pad = 24;
  const scale = Math.min(1, (width - 2 * pad) / image.width);
  const rows = legendRows(legend, (width - 2 * pad) / 1.5);
  const head = HEAD * 1.5;
  const height = Math.round(head + image.height * scale + 2 * pad + rows.length * LEGEND_ROW * 1.5 + 16);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const c = canvas.getContext('2d');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, width, height);
  c.fillStyle = '#1a1a1a';
  c.font = `bold 30px ${FONT}`;
  c.fillText(title, pad, 42);
  if (subtitle) { c.fillStyle = '#4a4a4a'; c.font = `20px ${FONT}`; c.fillText(subtitle, pad, 74); }
  c.drawImage(image, (width - image.width * scale) / 2, head + pad, image.width * scale, image.height * scale);
  const legendTop = head + image.height * scale + 2 * pad;
  c.font = `20px ${FONT}`;
  rows.forEach((row, r) => row.forEach(({ item, x }) => {
    const left = pad + x * 1.5;
    const y = legendTop + r * LEGEND_ROW * 1.5;
    drawMark(c, item, left, y);
    c.fillStyle = '#1a1a1a';
    c.fillText(item.text, left + 32, y + 19);
  }));
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function drawMark(c, item, x, y) {
  c.save();
  c.strokeStyle = item.colour;
  c.fillStyle = item.colour;
  if (item.kind === 'line' || item.kind === 'dashline') {
    c.lineWidth = (item.width ?? 2) * 1.5;
    if (item.kind === 'dashline') c.setLineDash([6, 3]);
    c.beginPath(); c.moveTo(x, y + 12); c.lineTo(x + 24, y + 12); c.stroke();
  } else if (item.kind === 'round' || item.kind === 'ring' || item.kind === 'halo') {
    c.beginPath(); c.arc(x + 12, y + 12, 10, 0, 2 * Math.PI);
    if (item.kind === 'round') c.fill(); else { c.lineWidth = item.kind === 'ring' ? 4 : 2; c.stroke(); }
  } else if (item.kind === 'dashed') {
    c.setLineDash([4, 3]); c.lineWidth = 2; c.strokeRect(x + 1, y + 1, 22, 22);
  } else {
    c.fillRect(x, y, 22, 22);
  }
  c.restore();
}

/** Saves a blob as a file the way a download link does. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the parts: lower case, no spaces or diacritics. */
export function fileName(...parts) {
  return parts.filter(Boolean).join('-').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-');
}

/**
 * The two download buttons of a graph. picture() gives {cy, title, subtitle, legend, name} at the moment of
 * the click (the graph may have been redrawn since the buttons were made).
 */
export function downloadButtons(container, picture) {
  fill(container,
    el('button', { type: 'button', class: 'secondary', dataset: { download: 'png' }, i18n: 'graph.downloadPng',
      on: { click: async () => { const p = picture(); if (p?.cy) download(await graphPng(p.cy, p), p.name + '.png'); } } }),
    el('button', { type: 'button', class: 'secondary', dataset: { download: 'svg' }, i18n: 'graph.downloadSvg',
      on: { click: () => { const p = picture(); if (p?.cy) download(svgBlob(graphSvg(p.cy, p)), p.name + '.svg'); } } }));
}
