// Addresses inside the scan: '#step-<area>' for a step, '#q-<criterion>' for one statement.
// Pure (no DOM, no bank.js import): the scan, the results and the landing page share them.

export const stepHash = (area) => '#step-' + area;
export const statementHash = (id) => '#q-' + id;

// { area, criterion } the fragment points to ('' for what it does not name), or null.
export function parse(bank, hash) {
  let m = /^#step-(.+)$/.exec(hash || '');
  if (m && bank.areas.some((a) => a.id === m[1])) return { area: m[1], criterion: '' };
  m = /^#q-(.+)$/.exec(hash || '');
  const c = m && bank.criteria.find((x) => x.id === m[1]);
  return c ? { area: c.area, criterion: c.id } : null;
}

// The statements without an answer, in the scan's order (area by area, level by level); only
// those of `area` when given.
export function openStatements(bank, answers, area) {
  const at = {};
  bank.areas.forEach((a, i) => { at[a.id] = i; });
  return bank.criteria.filter((c) => !answers[c.id] && (!area || c.area === area))
    .sort((x, y) => at[x.area] - at[y.area] || x.level - y.level);
}

// "Continue where you were": the first open statement of the step seen last (or that step when
// it is complete), else the first open statement anywhere; null when nothing is open.
export function resumeHash(bank, answers, last) {
  const open = openStatements(bank, answers);
  if (!open.length) return null;
  if (bank.areas.some((a) => a.id === last)) {
    const here = open.find((c) => c.area === last);
    return here ? statementHash(here.id) : stepHash(last);
  }
  return statementHash(open[0].id);
}
