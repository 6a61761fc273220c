// Where the team stands: the areas to talk about first (members two or more levels apart), and
// the table of each member's level, the median, the spread and the team's level per area.
import { bank } from './bank.js';
import { h } from './dom.js';
import { rules } from './scoring.js';
import { T, number } from './team-ui.js';

const { first, top } = rules(bank);

// sum: areaSummary() of team.js.
export function firstTalks(sum) {
  const flagged = bank.areas.filter((a) => sum[a.id].flagged);
  const range = (a) => {
    const known = sum[a.id].levels.filter((n) => n !== null);
    return T('first_item', { area: a.name, min: number(Math.min(...known)), max: number(Math.max(...known)) });
  };
  return h('div', { class: flagged.length ? 'first-talk' : null }, h('h3', null, T('first_heading')), flagged.length
    ? [h('p', null, T('first_intro')), h('ul', null, flagged.map((a) => h('li', { 'data-first': a.id }, range(a))))]
    : h('p', null, T('first_none')));
}

export function teamTable(members, sum, scores) {
  const rows = [...bank.areas].sort((x, y) => sum[y.id].flagged - sum[x.id].flagged).map((a) => {
    const s = sum[a.id];
    return h('tr', { 'data-area': a.id, class: s.flagged ? 'flagged' : null },
      h('th', { scope: 'row' }, a.name, s.flagged ? [' ', h('strong', { class: 'flag' }, '⚑ ' + T('flag'))] : null),
      members.map((m, i) => h('td', { 'data-label': m.label, 'data-level': i }, s.levels[i] === null ? T('not_answered') : number(s.levels[i]))),
      h('td', { 'data-label': T('col_median'), 'data-median': '' }, s.median === null ? '–' : number(s.median)),
      h('td', { 'data-label': T('col_spread'), 'data-spread': '' }, number(s.spread)),
      h('td', { 'data-label': T('col_team'), 'data-team-level': '' }, scores[a.id].value === null ? '–' : number(scores[a.id].value)));
  });
  // Many members make a wide table: it scrolls on its own (and is a stack of cards on narrow screens).
  return h('div', { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': 'team-table-caption' }, h('table', { class: 'levels team-levels' },
    h('caption', { id: 'team-table-caption' }, T('table_caption', { first, top })),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, T('col_area')),
      members.map((m) => h('th', { scope: 'col' }, m.label)),
      ['col_median', 'col_spread', 'col_team'].map((k) => h('th', { scope: 'col' }, T(k))))),
    h('tbody', null, rows)));
}
