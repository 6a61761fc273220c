// Entry: marks the page as scripted and starts the part this page needs.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { load } from './store.js';
import { initScan } from './scan.js';
import { initResults } from './results.js';
import { initFrame } from './frame.js';
import { initSingle } from './single.js';
import { initSnippets } from './snippets.js';
import { guardHistory } from './workshop.js';

document.documentElement.classList.add('js');
const page = document.body.dataset.page;
if (page === 'scan') initScan();
else if (page === 'results') initResults();
else if (page === 'landing') resume();
else if (page === 'single') initSingle();
else if (page === 'embed-info') initSnippets();
if (document.body.hasAttribute('data-embed')) initFrame();
if (page === 'scan' || page === 'results' || page === 'single') guardHistory(bank);

// "Continue where you left off": to the first area with open questions, or to the route.
function resume() {
  const link = $('[data-resume]'), answers = load(bank).answers;
  if (!link || !Object.keys(answers).length) return;
  const open = bank.areas.find((a) => bank.criteria.some((c) => c.area === a.id && !answers[c.id]));
  link.href = open ? 'scan.html#step-' + open.id : 'results.html';
  link.hidden = false;
}
