// The single-file edition: scan and results on one page, switched in place instead of by links.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { initScan } from './scan.js';
import { initResults } from './results.js';

export function initSingle() {
  hydrate();
  const views = { scan: $('[data-view="scan"]'), results: $('[data-view="results"]') };
  initScan();
  const results = initResults();
  function show(name) {
    views.scan.hidden = name !== 'scan';
    views.results.hidden = name !== 'results';
    if (name === 'results') results.refresh();
    $(name === 'results' ? '#results-title' : '.step:not([hidden]) h2').focus();
  }
  // Links between the two views (finish, change answers, start) stay on this page.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="results.html"], a[href^="scan.html"]');
    if (!a) return;
    e.preventDefault();
    const [file, step] = a.getAttribute('href').split('#');
    show(file === 'results.html' ? 'results' : 'scan');
    if (step) location.hash = step;  // the scan follows its step's address
  });
  if (location.hash.startsWith('#r=')) show('results');
}

// To stay small, this edition's script leaves out the statements and their "why": the form on
// the page has them already.
function hydrate() {
  for (const c of bank.criteria) {
    if (c.text) continue;
    const box = $('[data-criterion="' + c.id + '"]');
    c.text = box ? $('legend', box).lastChild.textContent.trim() : c.id;
    c.why = box && $('.why p', box) ? $('.why p', box).textContent : '';
  }
}
