// Entry of the team page (its own bundle, so team code never weighs on the single scan).
import { $ } from './dom.js';
import { initTeam } from './team-view.js';
import { initCompare } from './team-compare.js';

document.documentElement.classList.add('js');
const root = $('[data-team]');
if (root) {
  root.hidden = false;
  initTeam();
  initCompare();
}
