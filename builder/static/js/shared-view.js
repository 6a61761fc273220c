// Someone else's result (a share link or a file) opens as a view: the visitor's own saved
// answers stay exactly as they are until they choose to keep them (the default), replace them
// (after a confirmation) or compare the two on the team page's then-versus-now.
import { bank, ui } from './bank.js';
import { $, fmt } from './dom.js';
import { encode } from './codec.js';
import { resultObject } from './result.js';
import { ask } from './dialog.js';

const T = (k) => ui['results.' + k];

// hooks: { keep(), replace(read) }; team: the team page's address ('' when there is none);
// out: attributes for links that leave this page.
export function initSharedView(hooks, team, out) {
  const box = $('[data-shared]'), own = $('[data-own]'), compare = $('[data-shared-compare]'), who = $('[data-shared-name]');
  let current = null;
  // Without a team page (switched off in the bank) there is nothing to compare on.
  if (!compare) team = '';
  for (const k in out) if (compare) compare.setAttribute(k, out[k]);
  function close() {
    current = null;
    box.hidden = true;
    own.hidden = false;
    if (compare) compare.hidden = true;
  }
  $('[data-shared-keep]', box).addEventListener('click', () => {
    close();
    hooks.keep();
  });
  $('[data-shared-replace]', box).addEventListener('click', async () => {
    const read = current;
    if (!(await ask({ title: T('replace_title'), text: T('replace_text'), ok: T('replace_ok'), cancel: T('cancel') }))) return;
    close();
    hooks.replace(read);
  });
  return {
    active: () => current !== null,
    // read: the result as readResult() took it; obj: as it came; mine: the saved state.
    open(read, obj, mine) {
      current = read;
      box.hidden = false;
      own.hidden = true;
      who.textContent = read.name ? fmt(T('shared_name'), { name: read.name }) : '';
      $('#shared-h', box).focus();
      if (!team) return;
      // Then versus now: this result as "then", the visitor's own as "now", both in the fragment.
      const yours = resultObject(bank, ui, mine, mine.targets, []);
      delete yours.route;
      Promise.all([encode(obj), encode(yours)]).then(([a, b]) => {
        if (current !== read) return;
        compare.href = team + '#then=' + a + '&now=' + b;
        compare.hidden = false;
      }, () => {});
    },
  };
}
