// Entry: marks the page as scripted and starts the part this page needs.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { load, lastStep } from './store.js';
import { resumeHash } from './steps.js';
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

// "Continue where you were": to the step seen last, at its first open statement; or to the route.
function resume() {
  const link = $('[data-resume]'), answers = load(bank).answers;
  if (!link || !Object.keys(answers).length) return;
  const hash = resumeHash(bank, answers, lastStep(bank));
  link.href = hash ? 'scan.html' + hash : 'results.html';
  link.hidden = false;
}
