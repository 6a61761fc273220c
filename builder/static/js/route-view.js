// The route as a list in phases (Now, Next, Later): one rendering for the single scan and the team.
import { h, fmt } from './dom.js';
import { itemText } from './result.js';

export function routeView(items, ui, names) {
  const T = (k, v) => (v ? fmt(ui['results.' + k], v) : ui['results.' + k]);
  if (!items.length) return [h('p', null, T('route_empty'))];
  const parts = [];
  for (const p of ['now', 'next', 'later']) {
    const list = items.filter((it) => it.phase === p);
    if (!list.length) continue;
    parts.push(h('h3', null, T('phase_' + p)), h('ol', { class: 'route-list', start: items.indexOf(list[0]) + 1 }, list.map((it) => {
      const c = it.c;
      return h('li', { class: 'item ' + it.kind, 'data-item': c.id },
        h('p', { class: 'action' }, itemText(it, ui)),
        h('p', { class: 'meta' }, T(it.reached ? 'completes' : 'unlocks', { n: c.level, area: names[c.area] }), c.owner ? ' · ' + T('owner') + ': ' + c.owner : ''),
        it.neededFor.length ? h('p', { class: 'needed' }, T('needed_for', { items: it.neededFor.map((d) => itemText(d, ui)).join('; ') })) : null,
        h('p', { class: 'why' }, T('because') + ': ' + c.why));
    })));
  }
  return parts;
}
