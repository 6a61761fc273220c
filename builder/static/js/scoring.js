// Levels per area under the bank's declared answer scale and scoring method. Pure:
// (bank, answers) in, plain objects out. How it works states these rules; keep them in step.

const cache = new WeakMap();

// The bank's rules with defaults: { method, threshold, applicable, first, top, credit, unknown, na }.
// credit[id] is a number for answers that count, null for "not applicable".
export function rules(bank) {
  let r = cache.get(bank);
  if (r) return r;
  const s = bank.scoring || {}, first = s.first_level ?? 1, credit = Object.create(null);
  r = { method: s.method || 'threshold', threshold: s.threshold ?? 0.75, applicable: s.applicable ?? 0.5,
    first, top: first + bank.levels.length - 1, credit, unknown: null, na: null };
  for (const a of bank.answers) {
    if (a.means === 'unknown') r.unknown = a.id;
    if (a.means === 'not-applicable') r.na = a.id;
    credit[a.id] = a.means === 'not-applicable' ? null : a.means === 'unknown' ? 0 : a.credit;
  }
  cache.set(bank, r);
  return r;
}

const EPS = 1e-9;
const weight = (c) => c.weight ?? 1;
const isOpen = (r, v) => !(v in r.credit);

// Fully met or not applicable: nothing left to do for this statement (the route's test).
export function isMet(bank, answer) {
  const r = rules(bank), c = r.credit[answer];
  return answer in r.credit && (c === null || c >= 1 - EPS);
}

// One level of one area. { pass, value (0..1, for average), why } where why is
// 'empty', 'scarce' (too little applies), 'short' (too little credit) or ''.
function cell(r, list, answers) {
  if (!list.length) return { pass: true, value: 1, why: 'empty' };
  let all = 0, applies = 0, earned = 0;
  for (const c of list) {
    const w = weight(c), v = answers[c.id];
    all += w;
    if (isOpen(r, v)) { applies += w; continue; }
    if (r.credit[v] === null) continue;
    applies += w;
    earned += w * r.credit[v];
  }
  if (applies < r.applicable * all - EPS) return { pass: false, value: 0, why: 'scarce', share: applies / all };
  const share = earned / applies;
  const pass = r.method === 'threshold' ? share >= r.threshold - EPS : share >= 1 - EPS;
  return { pass, value: share, why: pass ? '' : 'short', share };
}

// An area from its own statements only: { level, value, stop, parts } where parts[L] is
// what level L contributes and stop says why the next level was not reached.
function own(r, cells, answers) {
  let level = r.first, value = r.first, stop = null;
  const parts = {};
  for (let L = r.first + 1; L <= r.top; L++) {
    const list = cells[L] || [], k = cell(r, list, answers);
    if (r.method === 'average') {
      if (k.why === 'scarce') { stop = { kind: 'scarce', level: L, share: k.share }; break; }
      // An empty level follows the level below it.
      parts[L] = k.why === 'empty' ? (L - 1 > r.first ? parts[L - 1] : 1) : k.value;
      value += parts[L];
      if (parts[L] < 1 - EPS && !stop) stop = { kind: 'short', level: L, share: parts[L], list };
      continue;
    }
    if (!k.pass) { stop = { kind: k.why, level: L, share: k.share, list }; break; }
    level = L;
    value = L;
  }
  if (r.method === 'average') level = Math.floor(value + EPS);
  return { level, value, stop, parts };
}

// Value when held below level L: what the levels under L contribute.
function heldValue(r, o, L) {
  if (r.method !== 'average') return L - 1;
  let v = r.first;
  for (let n = r.first + 1; n < L; n++) v += o.parts[n] || 0;
  return v;
}

// { area: { level, value, reason, open, incomplete, answered, total } }.
// level is null when nothing in the area is answered. reason says why the next level is
// not reached: { kind: 'top' | 'short' | 'scarce' | 'held', level, share, cap, by, needs }.
export function score(bank, answers) {
  const r = rules(bank), byId = new Map(), cells = {}, open = {}, answered = {}, total = {};
  for (const a of bank.areas) { cells[a.id] = {}; open[a.id] = []; answered[a.id] = 0; total[a.id] = 0; }
  for (const c of bank.criteria) {
    if (!cells[c.area]) continue;
    byId.set(c.id, c);
    (cells[c.area][c.level] = cells[c.area][c.level] || []).push(c);
    total[c.area]++;
    if (isOpen(r, answers[c.id])) open[c.area].push(c); else answered[c.area]++;
  }
  // limit: the highest level that still counts (for average, every level that contributes).
  const base = {}, level = {}, value = {}, reason = {}, limit = {};
  for (const a of bank.areas) {
    const o = base[a.id] = own(r, cells[a.id], answers);
    level[a.id] = o.level; value[a.id] = o.value;
    limit[a.id] = r.method !== 'average' ? o.level : o.stop && o.stop.kind === 'scarce' ? o.stop.level - 1 : r.top;
    reason[a.id] = o.stop ? { ...o.stop, cap: lowest(r, o.stop.list || [], answers) } : { kind: 'top' };
    delete reason[a.id].list;
  }
  // Prerequisites: a level counts only while what its applicable statements require is in
  // place (answered above zero, or not applicable, with its own area at that level). Levels
  // only go down here, so this ends; starting from the top gives the most each area can claim.
  const blocked = (c) => (c.requires || []).find((id) => {
    const p = byId.get(id), v = p && answers[id];
    return p && (isOpen(r, v) || (r.credit[v] !== null && r.credit[v] <= EPS) || level[p.area] < p.level);
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const a of bank.areas) {
      for (let L = r.first + 1; L <= limit[a.id]; L++) {
        const by = (cells[a.id][L] || []).find((c) => r.credit[answers[c.id]] !== null && blocked(c));
        if (!by) continue;
        value[a.id] = Math.min(value[a.id], heldValue(r, base[a.id], L));
        level[a.id] = r.method === 'average' ? Math.floor(value[a.id] + EPS) : L - 1;
        limit[a.id] = L - 1;
        reason[a.id] = { kind: 'held', level: L, by, needs: byId.get(blocked(by)) };
        reason[a.id].cap = reason[a.id].needs;
        changed = true;
        break;
      }
    }
  }
  const out = {};
  for (const a of bank.areas) {
    const why = reason[a.id], next = level[a.id] + 1;
    const incomplete = r.method === 'average' ? open[a.id].length > 0
      : open[a.id].some((c) => c.level === next) || (why.kind === 'held' && isOpen(r, answers[why.needs.id]));
    const none = answered[a.id] === 0;
    out[a.id] = { level: none ? null : level[a.id], value: none ? null : value[a.id], reason: why,
      open: open[a.id], incomplete: !none && incomplete, answered: answered[a.id], total: total[a.id] };
  }
  return out;
}

// The statement that most holds a level back: the applicable one with the least credit
// (open counts as none), first in bank order.
function lowest(r, list, answers) {
  let best = null, min = 2;
  for (const c of list) {
    const v = answers[c.id], credit = isOpen(r, v) ? 0 : r.credit[v];
    if (credit !== null && credit < min - EPS) { best = c; min = credit; }
  }
  return best;
}
