// Cytoscape styles shared by the ego web and the timeline: bodies coloured by form, hosts marked with a
// thick border and a star, illustrative bodies with a dashed outline, edges labelled by role.
import { FORM_COLOURS } from './common.js';

export function egoStyle() {
  const byForm = Object.entries(FORM_COLOURS).map(([form, colour]) => ({
    selector: `node[type = "body"][form = "${form}"]`, style: { 'background-color': colour },
  }));
  return [
    { selector: 'node', style: {
      label: 'data(display)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 110,
      'text-valign': 'bottom', 'text-margin-y': 3, color: '#1a1a1a',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
    } },
    { selector: 'node[type = "municipality"]', style: {
      shape: 'ellipse', 'background-color': '#9fb3c8', 'border-color': '#34495e', 'border-width': 1, width: 26, height: 26,
    } },
    { selector: 'node[type = "region"]', style: {
      shape: 'hexagon', 'background-color': '#7fb59a', 'border-color': '#1b5e3b', 'border-width': 1, width: 30, height: 30,
    } },
    { selector: 'node[type = "body"]', style: { shape: 'round-rectangle', width: 20, height: 20, 'font-size': 9 } },
    ...byForm,
    { selector: 'node[?host]', style: { 'border-width': 5, 'border-color': '#d35400' } },
    { selector: 'node[?illustrative]', style: { 'border-style': 'dashed', 'border-width': 2, 'border-color': '#8a5a00' } },
    { selector: 'node[distance = 0]', style: {
      width: 42, height: 42, 'font-size': 13, 'font-weight': 'bold', 'background-color': '#12355b', 'border-color': '#12355b',
    } },
    { selector: 'node[distance = 0][?host]', style: { 'border-color': '#d35400', 'border-width': 5 } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': '#8899a6', 'curve-style': 'bezier', label: 'data(display)', 'font-size': 8,
      // Role labels appear once the graph is zoomed in far enough to read them; colour tells the role before.
      'min-zoomed-font-size': 9,
      color: '#333', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
    } },
    { selector: 'edge[role = "HOST"]', style: { width: 3.5, 'line-color': '#d35400' } },
    { selector: 'edge[role = "MEMBER"]', style: { 'line-color': '#4a6fa5' } },
    { selector: ':selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: '.faded', style: { opacity: 0.12 } },
  ];
}
