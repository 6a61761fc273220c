// Workshop mode: one laptop, many respondents. "Next respondent" offers this person's export,
// then clears their answers, notes, name and targets and starts the scan again, so the next
// person never sees them. Also: a page shown again from the back/forward cache re-reads storage.
import { ui } from './bank.js';
import { $ } from './dom.js';
import { stamp } from './store.js';
import { say } from './status.js';
import { copy } from './copy.js';

// hooks: { page: the route page (its exports), link(): this person's share link, clear(): forget them }.
export function initWorkshop(hooks) {
  const open = $('[data-next-open]'), dialog = $('[data-next-dialog]');
  if (!open || !dialog || typeof dialog.showModal !== 'function') return;
  const status = $('[data-next-status]', dialog), row = $('[data-next-link-row]', dialog), field = $('[data-next-link]', dialog);
  open.hidden = false;
  $('[data-next-hint]').hidden = false;
  open.addEventListener('click', () => {
    status.textContent = '';
    row.hidden = true;
    dialog.showModal();
  });
  $('[data-next-json]', dialog).addEventListener('click', () => {
    hooks.page.run('json');
    say(status, ui['results.next_saved']);
  });
  $('[data-next-copy]', dialog).addEventListener('click', () => {
    // Without clipboard access the link appears selected in the dialog, to copy by hand.
    copy(hooks.link(), status, ui, () => {
      row.hidden = false;
      return field;
    });
  });
  $('[data-next-cancel]', dialog).addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { if (!dialog.dataset.cleared) open.focus(); });
  $('[data-next-clear]', dialog).addEventListener('click', () => {
    hooks.clear();
    field.value = '';
    dialog.dataset.cleared = '1';
    dialog.close();
    // A fresh scan from its first step; replace() keeps this person's results out of the history.
    location.replace(document.body.dataset.page === 'single' ? location.href.split('#')[0] : 'scan.html');
  });
}

// A page restored from the back/forward cache shows what was on screen when it was left. When
// the saved answers changed since (cleared for the next respondent, or forgotten), load it anew.
export function guardHistory(bank) {
  let seen = stamp(bank);
  window.addEventListener('pagehide', () => { seen = stamp(bank); });
  window.addEventListener('pageshow', (e) => { if (e.persisted && stamp(bank) !== seen) location.reload(); });
}
