// SVG chart: one row per area, one segment per level above the first; reached levels
// filled (in part, for a score with decimals), the way to the target tinted, and an area
// without answers left as a gap; an area in a group is labelled "group · area". Built with
// DOM APIs; the table next to it says the same.
import { h } from './dom.js';
import { rules } from './scoring.js';

const ROW = 50;

export function chart(bank, scores, goal, label, noAnswers) {
  const { first, top } = rules(bank), w = 100 / (top - first + 1);
  const svg = h('svg:svg', { class: 'chart-svg', role: 'img', 'aria-label': label, width: '100%', height: bank.areas.length * ROW });
  bank.areas.forEach((a, i) => {
    const y = i * ROW, s = scores[a.id];
    svg.append(h('svg:text', { x: 0, y: y + 15, class: 'chart-label' }, a.group ? a.group + ' · ' + a.name : a.name));
    if (s.value === null) {
      svg.append(h('svg:rect', { x: 0, y: y + 21, width: '100%', height: 24, class: 'seg gap' }),
        h('svg:text', { x: '50%', y: y + 38, class: 'seg-n off', 'text-anchor': 'middle' }, noAnswers));
      return;
    }
    for (let n = first; n <= top; n++) {
      const x = (n - first) * w, part = Math.min(1, Math.max(0, s.value - n + 1));
      const kind = n <= s.level ? 'on' : n <= goal[a.id] ? 'goal' : 'off';
      svg.append(h('svg:rect', { x: x + '%', y: y + 21, width: w + '%', height: 24, class: 'seg ' + kind }));
      // A level reached in part (the average method) shows its share filled.
      if (kind !== 'on' && part > 0) svg.append(h('svg:rect', { x: x + '%', y: y + 21, width: w * part + '%', height: 24, class: 'seg on part' }));
      svg.append(h('svg:text', { x: x + w / 2 + '%', y: y + 38, class: 'seg-n ' + (kind !== 'on' && part >= 0.5 ? 'on' : kind), 'text-anchor': 'middle' }, String(n)));
    }
  });
  return svg;
}
