// Team maths. Pure: answer sets in, plain objects out; no DOM, no bank.js import.
import { rules, score } from './scoring.js';

// One criterion's team answer from the members' answers (unanswered ones left out):
// not applicable when most members say so; don't know only when no member knows;
// otherwise the answer with the lower median credit. '' when nobody answered.
export function teamAnswer(bank, values) {
  const r = rules(bank), given = values.filter((v) => v in r.credit);
  if (!given.length) return '';
  if (r.na && given.filter((v) => v === r.na).length * 2 > given.length) return r.na;
  const known = given.filter((v) => r.credit[v] !== null && v !== r.unknown).sort((a, b) => r.credit[a] - r.credit[b]);
  if (!known.length) return r.unknown && given.includes(r.unknown) ? r.unknown : r.na || '';
  return known[(known.length - 1) >> 1];
}

// The team's answers: one team answer per criterion of the bank. sets: [answers].
export function teamAnswers(bank, sets) {
  const out = {};
  for (const c of bank.criteria) {
    const v = teamAnswer(bank, sets.map((a) => a[c.id]));
    if (v) out[c.id] = v;
  }
  return out;
}

export function median(numbers) {
  const s = [...numbers].sort((a, b) => a - b), m = s.length >> 1;
  if (!s.length) return null;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Per area: each member's level (null when they answered nothing in it; with decimals under
// the average method), the median, the spread (max - min) and whether members lie two or
// more levels apart.
export function areaSummary(bank, sets) {
  const scores = sets.map((a) => score(bank, a)), out = {};
  for (const a of bank.areas) {
    const levels = scores.map((s) => s[a.id].value);
    const known = levels.filter((n) => n !== null);
    const spread = known.length ? Math.max(...known) - Math.min(...known) : 0;
    out[a.id] = { levels, median: median(known), spread, flagged: spread >= 2 };
  }
  return out;
}
