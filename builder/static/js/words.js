// The statements and their "why" travel once per visit. The scan page has them in its form (it
// reads and prints without JavaScript); from the first answer on it hands them to the results
// page through this browser's storage. A results page with answers to show that finds none
// from its own build (a share link opened elsewhere, another language, a site rebuilt since)
// loads them from a script of their own, bank.words, which sits next to the page's scripts.
import { bank } from './bank.js';
import { $, $$ } from './dom.js';
import { keepWords, keptWords } from './store.js';

// { id: [statement, why] } as the form in `root` shows them.
function fromForm(root) {
  const found = {};
  for (const box of $$('[data-criterion]', root)) {
    const why = $('.why p', box);
    found[box.dataset.criterion] = [$('legend', box).lastChild.textContent.trim(), why ? why.textContent : ''];
  }
  return found;
}

// Fill in the bank's statements and "why" from the form on this page (the single-file edition).
export function wordsFromForm(root) {
  const found = fromForm(root);
  for (const c of bank.criteria) [c.text, c.why] = found[c.id] || [c.id, ''];
}

// The scan: keep its form's words for the results page, once per build (nothing before a first answer).
export function handOver(root) {
  if (!bank.words || keptWords(bank, bank.words)) return;
  const found = fromForm(root);
  const words = { text: [], why: [] };
  for (const c of bank.criteria) {
    if (!found[c.id]) return;
    words.text.push(found[c.id][0]);
    words.why.push(found[c.id][1]);
  }
  keepWords(bank, bank.words, words);
}

function fill(words) {
  bank.criteria.forEach((c, i) => { c.text = words.text[i]; c.why = words.why[i]; });
  filled = true;
}

// The scripts sit side by side: the fallback is found next to the one holding this module.
const here = document.currentScript ? document.currentScript.src : location.href;
let filled = false, loading = null;

// True when every statement and "why" is in the bank: they came with it (the single file), or
// the scan handed over those of this build.
export function haveWords() {
  if (filled || !bank.words) return true;
  const kept = keptWords(bank, bank.words);
  if (kept && kept.text.length === bank.criteria.length && kept.why.length === bank.criteria.length) fill(kept);
  return filled;
}

// Load them from the fallback file, once; resolves when they are in the bank. Without it the
// page still works: a statement shows as its id.
export function loadWords() {
  loading = loading || new Promise((resolve) => {
    const tag = document.createElement('script');
    document.addEventListener('koers:words', (e) => fill(e.detail), { once: true });
    tag.addEventListener('error', () => { fill({ text: bank.criteria.map((c) => c.id), why: bank.criteria.map(() => '') }); resolve(); });
    tag.addEventListener('load', () => resolve());
    tag.src = new URL(bank.words, here).href;
    document.head.append(tag);
  });
  return loading;
}
