// The route: an ordered action list from (bank, answers, chosen targets). Pure.
import { isMet, rules, score } from './scoring.js';

// Effective target per area: the chosen one when it lies in [current, top], else current+1
// (max top). An area with nothing answered has no target: it adds nothing to the route.
export function targets(bank, scores, chosen) {
  const { top } = rules(bank), out = {};
  for (const a of bank.areas) {
    const cur = scores[a.id].level, t = chosen && chosen[a.id];
    if (cur === null) continue;
    out[a.id] = Number.isInteger(t) && t >= cur && t <= top ? t : Math.min(cur + 1, top);
  }
  return out;
}

// Items: { c, kind: 'find'|'act', pulled, neededFor: [item], phase: 'now'|'next'|'later' }.
export function route(bank, answers, chosen, scores) {
  scores = scores || score(bank, answers);
  const r = rules(bank), met = (id) => isMet(bank, answers[id]);
  const goal = targets(bank, scores, chosen);
  const byId = new Map(), area = {}, items = new Map();
  bank.areas.forEach((a, i) => { area[a.id] = i; });
  bank.criteria.forEach((c, i) => byId.set(c.id, { c, i }));
  const add = (c, pulled) => {
    const lv = scores[c.area] && scores[c.area].level;
    // reached: the level is reached already, and this completes it (a level can be reached with a statement partly met).
    const it = { c, kind: r.unknown && answers[c.id] === r.unknown ? 'find' : 'act', pulled, reached: lv !== null && lv >= c.level,
      neededFor: [], dependents: [], i: byId.get(c.id).i };
    items.set(c.id, it);
    return it;
  };
  // Every criterion not yet fully met up to its area's target, including those of levels
  // already reached (a level can be reached with a statement only partly met).
  for (const c of bank.criteria) {
    if (c.area in goal && !met(c.id) && c.level <= goal[c.area]) add(c, false);
  }
  // (c) unmet prerequisites, transitively, whatever their own area's target.
  const queue = [...items.values()];
  while (queue.length) {
    const it = queue.pop();
    for (const id of it.c.requires || []) {
      const found = byId.get(id);
      if (!found || met(id) || !(found.c.area in goal)) continue;
      let p = items.get(id);
      if (!p) { p = add(found.c, true); queue.push(p); }
      if (p.dependents.indexOf(it) < 0) { p.dependents.push(it); if (p.pulled) p.neededFor.push(it); }
    }
  }
  // Sort key: find before act, level, most credit first (partly before no), unanswered
  // last, area order, bank order.
  const list = [...items.values()];
  for (const it of list) {
    const v = answers[it.c.id], credit = v in r.credit ? r.credit[v] : null;
    it.k = [it.kind === 'find' ? 0 : 1, it.c.level, it.kind === 'find' || credit === null ? 2 : 1 - credit, area[it.c.area], it.i];
  }
  list.sort((x, y) => {
    for (let j = 0; j < 5; j++) if (x.k[j] !== y.k[j]) return x.k[j] - y.k[j];
    return 0;
  });
  // Stable topological order: always take the first item (in sort order) whose prerequisites are placed.
  // it.dependents are the items that wait for it.
  list.forEach((it, r) => { it.r = r; it.wait = 0; });
  for (const it of list) for (const d of it.dependents) d.wait++;
  const heap = list.filter((it) => !it.wait), out = [];
  while (heap.length) {
    const it = pop(heap);
    out.push(it);
    for (const d of it.dependents) if (!--d.wait) push(heap, d);
  }
  if (out.length < list.length) for (const it of list) if (it.wait) out.push(it); // cycle guard
  out.forEach((it, n) => {
    it.phase = n < 5 ? 'now' : n < 15 ? 'next' : 'later';
    delete it.dependents; delete it.k; delete it.r; delete it.wait;
  });
  return out;
}

function push(h, it) {
  let i = h.push(it) - 1;
  while (i) {
    const p = (i - 1) >> 1;
    if (h[p].r <= it.r) break;
    h[i] = h[p]; i = p;
  }
  h[i] = it;
}

function pop(h) {
  const top = h[0], last = h.pop();
  if (h.length) {
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= h.length) break;
      if (m + 1 < h.length && h[m + 1].r < h[m].r) m++;
      if (h[m].r >= last.r) break;
      h[i] = h[m]; i = m;
    }
    h[i] = last;
  }
  return top;
}
