// The scan's completeness: the bar counts answered statements, a statement the visitor is sent
// to is marked as still open, and leaving a step with open statements says how many.
import { bank, ui } from './bank.js';
import { $, h, fmt } from './dom.js';
import { openStatements, statementHash } from './steps.js';

// answers(): the scan's current answers.
export function initProgress(form, answers) {
  const count = $('[data-count]'), fill = $('.progress-fill'), left = $('[data-left-open]');
  const total = bank.criteria.length;
  let marked = null;

  function unmark() {
    if (!marked) return;
    marked.classList.remove('marked');
    const tag = $('.open-tag', marked);
    if (tag) tag.remove();
    marked = null;
  }

  function update() {
    const n = total - openStatements(bank, answers()).length;
    count.textContent = fmt(ui['scan.count'], { n, total });
    fill.style.width = (total ? (n / total) * 100 : 0) + '%';
    if (marked && answers()[marked.dataset.criterion]) unmark();
  }

  // Move focus to a statement's first choice and mark it as the one still open.
  function mark(id) {
    unmark();
    const box = [...form.querySelectorAll('[data-criterion]')].find((b) => b.dataset.criterion === id);
    if (!box) return;
    if (!answers()[id]) {
      box.classList.add('marked');
      $('legend', box).prepend(h('span', { class: 'open-tag' }, ui['scan.open_mark']));
      marked = box;
    }
    ($('input:checked', box) || $('input[type=radio]', box)).focus();
  }

  // The visitor leaves the step of `area` (named `name`): a word when statements stay open there.
  function leaving(area, name) {
    const open = openStatements(bank, answers(), area);
    if (!open.length) return left.replaceChildren();
    left.replaceChildren(fmt(ui['scan.left_open'], { n: open.length, area: name }), ' ',
      h('a', { href: statementHash(open[0].id) }, ui['scan.left_open_link']));
  }

  return { update, mark, leaving };
}
