// The municipality map shared by Karta and Luckor: Leaflet with the 290 polygons from
// /api/geo/municipalities, no tile server (an optional OpenStreetMap background is off by default).
import { api, t, el, clear } from './common.js';

export const SCALE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_VALUE = '#f2f2f2';
/**
 * "Ingen data": a municipality whose list of bodies is not complete for the forms (issue 14). Its own grey with
 * a dashed outline, never the white of 0 or of "does not cover".
 */
export const NO_DATA = '#b8b8b8';
export const NO_DATA_STYLE = { fillColor: NO_DATA, dashArray: '3 3', color: '#4d4d4d' };

let geoPromise;
function polygons() {
  geoPromise ??= api('/api/geo/municipalities', { date: false });
  geoPromise.catch(() => { geoPromise = undefined; });
  return geoPromise;
}

/**
 * Creates the map in container. onClick(code, name) is called when a municipality is clicked or chosen by
 * keyboard. Returns {map, setStyle(fn code → style), setPopup(fn code → Node), codes, names}.
 */
export async function createMap(container, { onClick } = {}) {
  const geo = await polygons();
  const map = L.map(container, { zoomSnap: 0.25, attributionControl: true, minZoom: 3, maxZoom: 12 });
  map.attributionControl.setPrefix(false);
  const byCode = {};
  const names = {};
  let popupFor = null;
  const layer = L.geoJSON(geo, {
    style: () => ({ color: '#5b6770', weight: 0.6, fillColor: NO_VALUE, fillOpacity: 0.85 }),
    onEachFeature: (feature, polygon) => {
      const code = feature.properties.id;
      byCode[code] = polygon;
      names[code] = feature.properties.kom_namn;
      polygon.on('click', () => {
        if (popupFor) polygon.bindPopup(popupFor(code)).openPopup();
        onClick?.(code, names[code]);
      });
      // A node, not a string: Leaflet would put a string into innerHTML.
      polygon.bindTooltip(() => el('span', { text: `${names[code]} (${code})` }), { sticky: true });
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds());
  let tiles = null;
  return {
    map, layer, names, codes: Object.keys(byCode),
    setStyle(fn) { Object.entries(byCode).forEach(([code, polygon]) => polygon.setStyle(fn(code))); },
    setPopup(fn) { popupFor = fn; },
    zoomTo(codes) {
      const chosen = codes.map((c) => byCode[c]).filter(Boolean);
      if (chosen.length) map.fitBounds(L.featureGroup(chosen).getBounds(), { padding: [10, 10] });
      else map.fitBounds(layer.getBounds());
    },
    openPopup(code) {
      const polygon = byCode[code];
      if (polygon && popupFor) { polygon.bindPopup(popupFor(code)).openPopup(); }
    },
    showTiles(on) {
      if (on && !tiles) {
        tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
          { attribution: '© OpenStreetMap', maxZoom: 12 });
        tiles.addTo(map);
        layer.setStyle({ fillOpacity: 0.6 });
      } else if (!on && tiles) {
        map.removeLayer(tiles);
        tiles = null;
      }
    },
  };
}

/** Quantile-free class breaks: n equal steps from 1 to max (0 has its own colour). */
export function classes(max) {
  if (!max || max <= 0) return [];
  const steps = Math.min(SCALE.length, Math.max(1, Math.ceil(max)));
  return Array.from({ length: steps }, (_, i) => (max * (i + 1)) / steps);
}

export function colourFor(value, breaks) {
  if (value === null || value === undefined) return NO_VALUE;
  if (value <= 0) return '#ffffff';
  const index = breaks.findIndex((b) => value <= b + 1e-12);
  const offset = SCALE.length - breaks.length;
  return SCALE[Math.max(0, index) + offset];
}

/** A legend list: [{colour, text, border?, dashed?, kind? (data-kind of the entry, e.g. no-data)}]. */
export function renderLegend(ul, items) {
  clear(ul);
  items.forEach((item) => ul.append(el('li', { dataset: item.kind ? { kind: item.kind } : null },
    el('span', { class: 'swatch', style: `background:${item.colour};${item.border ? 'border:2px solid ' + item.border : ''}`
      + (item.dashed ? 'border:1px dashed #4d4d4d;' : '') }),
    item.text)));
}

/** The legend entry of "ingen data", with how many of the shown municipalities it marks. */
export function noDataLegend(n) {
  return { colour: NO_DATA, dashed: true, kind: 'no-data', text: t('map.noData', { n }) };
}
