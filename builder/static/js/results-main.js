// Entry of the results page (also embedded): the only page whose script carries the texts of
// the route and the exports. full-bank.js comes first, so they are in place before any use;
// the statements and their "why" come from the scan (words.js) before the first render.
import { $ } from './dom.js';
import { bank } from './full-bank.js';
import { initResults } from './results.js';
import { start } from './start.js';

start(() => {
  // A share link's result shows once it is decoded (a moment later): until then the empty
  // state and the import line stay out of the way instead of being pushed down in view.
  // The results' first render shows whichever of them applies.
  if (location.hash.startsWith('#r=')) for (const el of [$('[data-empty]'), $('[data-import]')]) if (el) el.hidden = true;
  initResults();
}, bank);
