// SVG chart: one row per area, one segment per level; reached levels filled, the
// way to the target tinted. Built with DOM APIs; the table next to it says the same.
import { h } from './dom.js';

const ROW = 50;

export function chart(bank, scores, goal, label) {
  const top = bank.levels.length, w = 100 / top;
  const svg = h('svg:svg', { class: 'chart-svg', role: 'img', 'aria-label': label, width: '100%', height: bank.areas.length * ROW });
  bank.areas.forEach((a, i) => {
    const y = i * ROW, lv = scores[a.id].level;
    svg.append(h('svg:text', { x: 0, y: y + 15, class: 'chart-label' }, a.name));
    for (let n = 1; n <= top; n++) {
      const kind = n <= lv ? 'on' : n <= goal[a.id] ? 'goal' : 'off';
      svg.append(
        h('svg:rect', { x: (n - 1) * w + '%', y: y + 21, width: w + '%', height: 24, class: 'seg ' + kind }),
        h('svg:text', { x: (n - 0.5) * w + '%', y: y + 38, class: 'seg-n ' + kind, 'text-anchor': 'middle' }, String(n)),
      );
    }
  });
  return svg;
}
