// Then versus now. Pure: (bank, then, now) in, plain objects out; no DOM, no bank.js import.
// A snapshot: { answers, ids (array or null), route (array of { id, kind, action } or null),
// targets, bank, version }. Criteria are matched on their stable ids, so results made with
// another version of the question bank compare without silent miscounts: what no longer
// exists, what is new and what cannot be told apart are all returned by name.
import { isMet, score } from './scoring.js';
import { route } from './route.js';

// The ids a snapshot knew of: its own list, or the whole bank when it was made with this
// very version; null when that cannot be known (an older format from another version).
function known(bank, snap) {
  if (Array.isArray(snap.ids)) return new Set(snap.ids.filter((id) => typeof id === 'string'));
  if (snap.bank === bank.bank && String(snap.version) === bank.version) return new Set(bank.criteria.map((c) => c.id));
  return null;
}

function routeIds(snap) {
  return Array.isArray(snap.route) ? snap.route.filter((r) => r && typeof r.id === 'string') : null;
}

export function compare(bank, then, now) {
  const current = new Map(bank.criteria.map((c) => [c.id, c]));
  const setThen = known(bank, then), setNow = known(bank, now);
  const thenRoute = routeIds(then), nowRoute = routeIds(now);
  const seen = (snap, r) => new Set([...Object.keys(snap.answers || {}), ...(r || []).map((x) => x.id)]);
  const seenThen = seen(then, thenRoute), seenNow = seen(now, nowRoute);
  const inThen = (id) => (setThen ? setThen.has(id) : true);
  const inNow = (id) => (setNow ? setNow.has(id) : true);

  // Removed since: known then, gone from the bank (or from a later result that lists its ids).
  const oldText = {};
  for (const r of thenRoute || []) if (typeof r.action === 'string') oldText[r.id] = r.action;
  const removed = [];
  for (const id of new Set([...(setThen || []), ...seenThen])) {
    if (!current.has(id) || !inNow(id)) removed.push({ id, text: oldText[id] || (current.has(id) ? current.get(id).text : id) });
  }
  // New since: in the bank (and in now), not known then. Only knowable when then lists its ids.
  const added = setThen ? bank.criteria.filter((c) => !setThen.has(c.id) && inNow(c.id)) : [];
  // Without a list of ids, an unanswered statement may be new or just left open.
  const unclassified = {
    then: setThen ? [] : bank.criteria.filter((c) => !seenThen.has(c.id)).map((c) => c.id),
    now: setNow ? [] : bank.criteria.filter((c) => !seenNow.has(c.id)).map((c) => c.id),
  };

  // Levels on the statements both sides share.
  const common = { ...bank, criteria: bank.criteria.filter((c) => inThen(c.id) && inNow(c.id)) };
  const pick = (answers) => {
    const out = {};
    for (const c of common.criteria) if (answers && answers[c.id]) out[c.id] = answers[c.id];
    return out;
  };
  const a = pick(then.answers), b = pick(now.answers);
  const s0 = score(common, a), s1 = score(common, b);
  const areas = bank.areas.map((x) => ({ id: x.id, then: s0[x.id], now: s1[x.id],
    delta: s0[x.id].value === null || s1[x.id].value === null ? null : Math.round((s1[x.id].value - s0[x.id].value) * 10) / 10 }));

  // Routes: the one each result carries, or worked out again from its answers.
  const own = (snap, r, inside) => r || route({ ...bank, criteria: bank.criteria.filter((c) => inside(c.id)) },
    snap.answers || {}, snap.targets || {}).map((it) => ({ id: it.c.id, kind: it.kind }));
  const before = own(then, thenRoute, inThen);
  const after = route({ ...bank, criteria: bank.criteria.filter((c) => inNow(c.id)) }, now.answers || {}, now.targets || {});
  const beforeIds = new Set(before.map((r) => r.id));
  const done = before.filter((r) => current.has(r.id) && inNow(r.id) && isMet(bank, now.answers && now.answers[r.id]))
    .map((r) => ({ id: r.id, kind: r.kind === 'find' ? 'find' : 'act', c: current.get(r.id) }));
  const addedIds = new Set(added.map((c) => c.id));
  const fresh = after.filter((it) => !beforeIds.has(it.c.id)).map((it) => ({ ...it, added: addedIds.has(it.c.id) }));
  // Results scored under other rules (another scale or method, or format 1) are both shown
  // under today's rules; the page says so.
  const rescored = [then, now].some((snap) => snap.rescored);
  return { areas, done, fresh, removed, added, unclassified, route: after, rescored };
}
