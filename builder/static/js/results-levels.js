// Where the visitor stands: the chart, the table of levels per area with why each stops there,
// its open statements (a link back to them) and its target select, and the notes per area.
import { bank, ui } from './bank.js';
import { h } from './dom.js';
import { levelText, reasonText } from './verdict.js';
import { chart } from './chart.js';
import { targetSelect } from './route-page.js';
import { names, R } from './labels.js';
import { link } from './guide-links.js';

export function chartFigure(scores, goal) {
  const summary = bank.areas.map((a) => a.name + ': ' + levelText(bank, ui, scores[a.id])).join(', ');
  return [chart(bank, scores, goal, R('chart_title') + '. ' + summary, R('level_none')),
    h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key on' }), R('table_level'), ' ', h('span', { class: 'key goal' }), R('table_target'))];
}

// pick(areaId, n): the visitor chose target n for that area.
export function levelsTable(scores, goal, answers, pick) {
  const rows = bank.areas.map((a) => {
    const s = scores[a.id];
    const open = s.open.length ? [' ', h('a', { href: 'scan.html#step-' + a.id, 'data-open-link': a.id }, R('answer_open', { n: s.open.length }))] : null;
    const select = s.level === null ? R('no_target')
      : targetSelect(s.level, goal[a.id], (n) => pick(a.id, n), { id: 'target-' + a.id, 'aria-label': R('target_label', { area: a.name }) });
    return h('tr', { 'data-area': a.id, class: s.level === null ? 'unanswered' : s.incomplete ? 'incomplete' : null },
      h('th', { scope: 'row' }, link('areas/' + a.id + '.html', a.name)),
      h('td', { 'data-label': R('table_level'), 'data-level': s.level === null ? '' : s.value }, levelText(bank, ui, s)),
      h('td', { 'data-label': R('table_capped'), 'data-reason': s.reason.kind }, reasonText(bank, ui, s, answers, names, scores), open),
      h('td', { 'data-label': R('table_target') }, select));
  });
  // A bank with groups gets a heading row wherever the group changes.
  const body = [];
  bank.areas.forEach((a, i) => {
    if (a.group && a.group !== (bank.areas[i - 1] || {}).group) {
      body.push(h('tr', { class: 'group-row' }, h('th', { scope: 'colgroup', colspan: 4 }, a.group)));
    }
    body.push(rows[i]);
  });
  return h('table', { class: 'levels' },
    h('caption', null, R('chart_title')),
    h('thead', null, h('tr', null, ['table_area', 'table_level', 'table_capped', 'table_target'].map((k) => h('th', { scope: 'col' }, R(k))))),
    h('tbody', null, body));
}

// The visitor's notes, under their areas' names; nothing without notes.
export function notesList(notes) {
  const noted = bank.areas.filter((a) => notes[a.id]);
  return noted.length ? [h('h3', null, R('notes_heading')),
    h('dl', { class: 'notes' }, noted.map((a) => [h('dt', null, a.name), h('dd', null, notes[a.id])]))] : [];
}
