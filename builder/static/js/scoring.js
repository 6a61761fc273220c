// Levels per area. Pure: (bank, answers) in, plain objects out.
// yes and na meet a criterion; partly, no, unknown and unanswered do not.
export function isMet(answer) {
  return answer === 'yes' || answer === 'na';
}

// { area: { level, cap, answered, total } }. An area reaches level L when every
// criterion of it on levels 2..L is met; cap is the first unmet criterion (bank
// order) on the lowest unmet level, or null at the top.
export function score(bank, answers) {
  const top = bank.levels.length, out = {};
  for (const a of bank.areas) out[a.id] = { level: top, cap: null, answered: 0, total: 0 };
  for (const c of bank.criteria) {
    const s = out[c.area];
    if (!s) continue;
    s.total++;
    if (answers[c.id]) s.answered++;
    if (!isMet(answers[c.id]) && c.level - 1 < s.level) {
      s.level = c.level - 1;
      s.cap = c;
    }
  }
  return out;
}
