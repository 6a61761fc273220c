// "Clear my answers" asks first; the forgotten answers stay in memory for an undo until the
// page closes, so a slip costs nothing, and nothing of them lingers in storage meanwhile.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { restore } from './store.js';
import { say } from './status.js';
import { ask } from './dialog.js';
import { R } from './labels.js';

// page: { clear(): forgets and returns what was stored, back(): shows the restored answers }.
export function initForget(page) {
  const undo = $('[data-undo]'), undone = $('[data-undo-status]');
  let forgotten = null;
  const close = () => {
    forgotten = null;
    undo.hidden = true;
  };
  $('[data-forget]').addEventListener('click', async () => {
    if (!(await ask({ title: R('forget_title'), text: R('forget_text'), ok: R('forget'), cancel: R('cancel') }))) return;
    forgotten = page.clear();
    undo.hidden = false;
    say(undone, R('forgotten'));
    $('button', undo).focus();
  });
  $('button', undo).addEventListener('click', () => {
    restore(bank, forgotten);
    close();
    page.back();
    say(undone, R('restored'));
    $('[data-forget]').focus();
  });
  // New answers (from another tab, say) make the undo meaningless.
  return { answered: () => { if (forgotten) close(); } };
}
