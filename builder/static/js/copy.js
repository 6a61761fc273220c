// Copy with a fallback. Browsers refuse the clipboard on some pages (no permission, an insecure
// origin, a frame without the permission); then the text waits, selected, in a field beside the
// action, to copy by hand. One helper for the exports, the share link, workshop mode and the
// embed page's snippets. No bank.js import: the texts come with the call.
import { h } from './dom.js';
import { say } from './status.js';

// The clipboard itself: done() when the text is on it, fail() when the browser refuses.
export function clip(text, done, fail) {
  try {
    navigator.clipboard.writeText(text).then(done, fail);
  } catch (e) {
    fail();
  }
}

// place: the live region beside the action; ui: texts with results.copied and results.copy_failed;
// field(): where to hand the text over instead. By default a read-only text area right after place.
export function copy(text, place, ui, field) {
  const spare = place.nextElementSibling;
  if (!field && spare && spare.matches('.copy-field')) spare.remove();
  const fail = () => {
    const box = field ? field() : h('textarea', { readonly: true, rows: 8, 'aria-label': ui['results.export_copy'], class: 'copy-field' });
    if (!field) place.after(box);
    box.value = text;
    box.select();
    say(place, ui['results.copy_failed']);
  };
  if (!text) return fail();
  clip(text, () => say(place, ui['results.copied']), fail);
}
