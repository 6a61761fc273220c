// The embed page: a copy button under each code snippet. Its texts come from the page, so
// the app bundle carries no embed texts; without clipboard access the code is selected.
import { $, $$ } from './dom.js';

export function initSnippets() {
  const page = $('[data-copied]');
  for (const row of $$('[data-copy-row]')) {
    const code = row.previousElementSibling.querySelector('code'), status = $('[data-copy-status]', row);
    const say = (msg) => { status.textContent = status.textContent === msg ? msg + '\u00a0' : msg; };
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      say(page.dataset.copyFailed);
    };
    $('[data-copy-snippet]', row).addEventListener('click', () => {
      try {
        navigator.clipboard.writeText(code.textContent).then(() => say(page.dataset.copied), select);
      } catch (e) {
        select();
      }
    });
    row.hidden = false;
  }
}
