// What every app page does first, shared by the per-page entries: mark the page as scripted
// (the style sheet then shows the scripted layout), run the page's own part, report the
// content's height when embedded, and reload a page restored from the back/forward cache
// whose saved answers changed meanwhile (history: the bank, for the pages that show answers).
import { initFrame } from './frame.js';
import { guardHistory } from './workshop.js';

export function start(init, history) {
  document.documentElement.classList.add('js');
  init();
  if (document.body.hasAttribute('data-embed')) initFrame();
  if (history) guardHistory(history);
}
