// The results' list of statements still open, each linked back to it in the scan.
import { bank, ui } from './bank.js';
import { h, fmt } from './dom.js';
import { openStatements, statementHash } from './steps.js';

// names: { areaId: name }. Returns the nodes to show (none when every statement has an answer).
export function openList(answers, names) {
  const open = openStatements(bank, answers);
  if (!open.length) return [];
  return [h('h3', { id: 'open-h' }, fmt(ui['results.open_heading'], { n: open.length })),
    h('p', { class: 'meta' }, ui['results.open_intro']),
    h('ul', { class: 'open-list', 'aria-labelledby': 'open-h' }, open.map((c) => h('li', { 'data-open-id': c.id },
      names[c.area] + ': ', h('a', { href: 'scan.html' + statementHash(c.id) }, c.text))))];
}
