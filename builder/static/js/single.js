// The single-file edition: scan and results on one page, switched in place instead of by links.
import { bank } from './bank.js';
import { $ } from './dom.js';
import { initScan } from './scan.js';
import { initResults } from './results.js';
import { wordsFromForm } from './words.js';

export function initSingle() {
  // To stay small, this edition's script leaves out the statements and their "why": the form on
  // the page has them already.
  wordsFromForm($('#scan'));
  const views = { scan: $('[data-view="scan"]'), results: $('[data-view="results"]') };
  // A share link opens the results; the results take it out of the address bar.
  const start = location.hash.startsWith('#r=') || location.hash === '#results' ? 'results' : '';
  // One page, one set of answers: what the results take in (a link, a file, an undo) shows in the scan.
  const scan = initScan();
  const results = initResults({ changed: () => scan.reload() });
  function show(name) {
    views.scan.hidden = name !== 'scan';
    views.results.hidden = name !== 'results';
    if (name === 'results') results.refresh();
    $(name === 'results' ? '#results-title' : '.step:not([hidden]) h2').focus();
  }
  // Links between the two views (finish, change answers, start, an open statement) stay on this
  // page; the results have their own address too, so Back returns to the scan.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="results.html"], a[href^="scan.html"]');
    if (!a) return;
    e.preventDefault();
    const to = a.getAttribute('href'), hash = to.includes('#') ? to.slice(to.indexOf('#')) : '';
    if (to.startsWith('results.html')) {
      history.pushState(null, '', '#results');
      return show('results');
    }
    show('scan');
    if (hash) {
      history.pushState(null, '', hash);
      scan.go(hash);
    }
  });
  window.addEventListener('popstate', () => {
    const want = location.hash === '#results' ? 'results' : 'scan';
    if (views[want].hidden) show(want);
  });
  if (start) show(start);
}
