// The verdict in words: an area's level and what holds it, as the results page, the team
// page and the exports say it. Pure text (no DOM), from score() and the bank's rules.
import { fmt } from './dom.js';
import { rules } from './scoring.js';

const pct = (x) => Math.round(x * 100) + '%';

// 2.5 as this language writes it.
export function number(bank, n) {
  return Number.isInteger(n) ? String(n) : n.toLocaleString(bank.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// "3 · Automated", "2.4 · Standardised" (average), "at least 2 · Standardised" (open
// statements decide), or "no answers yet".
export function levelText(bank, ui, s) {
  if (s.level === null) return ui['results.level_none'];
  const r = rules(bank), lv = bank.levels[s.level - r.first];
  const shown = (r.method === 'average' ? number(bank, Math.floor(s.value * 10 + 1e-9) / 10) : String(s.level)) + ' · ' + lv.name;
  return s.incomplete ? fmt(ui['results.at_least'], { level: shown }) : shown;
}

// The label of an answer (or "not answered yet").
export function answerText(bank, ui, value) {
  const a = bank.answers.find((x) => x.id === value);
  return a ? a.label : ui['results.unanswered'];
}

// Why the area stands where it does, one sentence; names: { areaId: name }.
export function reasonText(bank, ui, s, answers, names, scores) {
  const r = rules(bank), why = s.reason, T = (k, v) => fmt(ui['results.' + k], v || {});
  if (s.level === null) return T('reason_none', { n: s.total });
  const quote = (c) => '“' + c.text + '” (' + answerText(bank, ui, answers[c.id]) + ')';
  let text;
  if (why.kind === 'top') text = T('reason_top');
  else if (why.kind === 'held') {
    // The statement it builds on is answered too low, or its own area is not yet at its level.
    const p = why.needs, other = scores && scores[p.area], v = answers[p.id], c = rules(bank).credit[v];
    const low = !(v in rules(bank).credit) || (c !== null && c <= 0);
    text = T(low ? 'reason_held' : 'reason_held_area', { n: why.level, level: s.level, statement: quote(p),
      area: names[p.area] || p.area, at: other && other.level !== null ? other.level : '–', need: p.level });
  } else if (why.kind === 'scarce') {
    text = T('reason_scarce', { n: why.level, have: pct(why.share), need: pct(r.applicable) });
  } else if (r.method === 'average') {
    text = T('reason_average', { n: why.level, have: pct(why.share) }) + (why.cap ? ' ' + T('weakest', { statement: quote(why.cap) }) : '');
  } else {
    text = (r.method === 'all' ? T('reason_all', { n: why.level }) : T('reason_short', { n: why.level, have: pct(why.share), need: pct(r.threshold) })) +
      (why.cap ? ' ' + T('weakest', { statement: quote(why.cap) }) : '');
  }
  return s.open.length ? text + ' ' + T('open_n', { n: s.open.length }) : text;
}

// Where you stand, for the exports: a row per area (level, target, why) and the open count.
export function standing(bank, ui, scores, goal, answers, names) {
  const name = (n) => n + ' · ' + bank.levels[n - rules(bank).first].name;
  const rows = bank.areas.map((a) => ({ area: a.name, level: levelText(bank, ui, scores[a.id]),
    target: goal[a.id] === undefined ? ui['results.no_target'] : name(goal[a.id]),
    reason: reasonText(bank, ui, scores[a.id], answers, names, scores) }));
  const total = bank.criteria.length, open = bank.areas.reduce((n, a) => n + scores[a.id].open.length, 0);
  const summary = open ? fmt(ui['results.open_summary'], { open, total, answered: total - open }) : fmt(ui['results.all_answered'], { total });
  return { rows, summary };
}
