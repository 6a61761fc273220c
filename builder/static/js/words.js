// The statements and their "why" travel once per visit. The scan page has them in its form (it
// reads and prints without JavaScript); from the first answer on it hands them to the results
// page through this browser's storage. A results page with answers to show that finds none
// from its own build (a share link opened elsewhere, another language, a site rebuilt since)
// loads them from a script of their own, bank.words, which sits next to the page's scripts.
// The find-out questions come the same way, bank.find, and only for answers with a "Don't know".
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

// Texts files (entries.texts_script) announce their lists, by key in the bank's order; whichever
// arrives is put into the bank, so the statements' and the find-out file may load side by side.
const got = new Set();
function fill(lists) {
  for (const [key, list] of Object.entries(lists)) {
    bank.criteria.forEach((c, i) => { c[key] = list[i]; });
    got.add(key);
  }
}
document.addEventListener('koers:texts', (e) => fill(e.detail));

// The scripts sit side by side: a texts file is found next to the one holding this module.
const here = document.currentScript ? document.currentScript.src : location.href;
const loading = {};

// Load a texts file once; resolves when its lists are in the bank, or when it failed and
// `failed()` has filled in what stands in for them.
function load(file, failed) {
  loading[file] = loading[file] || new Promise((resolve) => {
    const tag = document.createElement('script');
    tag.addEventListener('error', () => { failed(); resolve(); });
    tag.addEventListener('load', () => resolve());
    tag.src = new URL(file, here).href;
    document.head.append(tag);
  });
  return loading[file];
}

// True when every statement and "why" is in the bank: they came with it (the single file), or
// the scan handed over those of this build.
export function haveWords() {
  if (got.has('text') || !bank.words) return true;
  const kept = keptWords(bank, bank.words);
  if (kept && kept.text.length === bank.criteria.length && kept.why.length === bank.criteria.length) fill({ text: kept.text, why: kept.why });
  return got.has('text');
}

// Load them from the fallback file. Without it the page still works: a statement shows as its id.
export const loadWords = () => load(bank.words, () => fill({ text: bank.criteria.map((c) => c.id), why: bank.criteria.map(() => '') }));

// The find-out questions: only a "Don't know" shows one, so only answers that hold one load them.
// Without the file, a "Don't know" asks to find out whether the statement holds (result.js).
export const haveFindOut = () => !bank.find || got.has('find_out');
export const loadFindOut = () => load(bank.find, () => got.add('find_out'));
