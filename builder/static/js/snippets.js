// The embed page: a copy button under each code snippet. Its texts come from the page, so
// the app bundle carries no embed texts; without clipboard access the code is selected.
import { $, $$ } from './dom.js';
import { clip } from './copy.js';
import { say } from './status.js';

export function initSnippets() {
  const page = $('[data-copied]');
  for (const row of $$('[data-copy-row]')) {
    const code = row.previousElementSibling.querySelector('code'), status = $('[data-copy-status]', row);
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      say(status, page.dataset.copyFailed);
    };
    $('[data-copy-snippet]', row).addEventListener('click', () => {
      clip(code.textContent, () => say(status, page.dataset.copied), select);
    });
    row.hidden = false;
  }
}
