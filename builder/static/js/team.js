// Team maths. Pure: answer sets in, plain objects out; no DOM, no bank.js import.
import { score } from './scoring.js';

const ORDER = ['no', 'partly', 'yes'];

// One criterion's team answer from the members' answers (unanswered ones left out):
// na when most members say na; unknown only when no member knows; otherwise the
// lower median of the yes/partly/no answers (no < partly < yes). '' when nobody answered.
export function teamAnswer(values) {
  const given = values.filter(Boolean);
  if (!given.length) return '';
  if (given.filter((v) => v === 'na').length * 2 > given.length) return 'na';
  const known = given.filter((v) => ORDER.includes(v)).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  if (!known.length) return given.includes('unknown') ? 'unknown' : 'na';
  return known[(known.length - 1) >> 1];
}

// The team's answers: one team answer per criterion of the bank. sets: [answers].
export function teamAnswers(bank, sets) {
  const out = {};
  for (const c of bank.criteria) {
    const v = teamAnswer(sets.map((a) => a[c.id]));
    if (v) out[c.id] = v;
  }
  return out;
}

export function median(numbers) {
  const s = [...numbers].sort((a, b) => a - b), m = s.length >> 1;
  if (!s.length) return null;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Per area: each member's level (null when they answered nothing in it), the median,
// the spread (max - min) and whether members lie two or more levels apart.
export function areaSummary(bank, sets) {
  const scores = sets.map((a) => score(bank, a)), out = {};
  for (const a of bank.areas) {
    const levels = scores.map((s) => (s[a.id].answered ? s[a.id].level : null));
    const known = levels.filter((n) => n !== null);
    const spread = known.length ? Math.max(...known) - Math.min(...known) : 0;
    out[a.id] = { levels, median: median(known), spread, flagged: spread >= 2 };
  }
  return out;
}
