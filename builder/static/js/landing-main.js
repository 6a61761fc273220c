// Entry of the home page: only "continue where you left off", to the step seen last at its
// first open statement, or to the results when nothing is open. Its bank is ids and levels.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { load, lastStep } from './store.js';
import { resumeHash } from './steps.js';

document.documentElement.classList.add('js');
const link = $('[data-resume]'), answers = load(bank).answers;
if (link && Object.keys(answers).length) {
  const hash = resumeHash(bank, answers, lastStep(bank));
  link.href = hash ? 'scan.html' + hash : 'results.html';
  link.hidden = false;
}
