// Saved answers in this browser's localStorage, one key per bank. Storage may be
// unavailable (privacy settings, sandboxed frames, a full disk): then this page keeps them in
// memory for as long as it is open, and works() says so, for the notice.
import { readResult, rulesStamp, FORMAT } from './result.js';
import { fmt } from './dom.js';

const key = (bank) => 'koers:' + bank.bank;
const stepKey = (bank) => key(bank) + ':step';
const wordsKey = (bank) => key(bank) + ':words';
const memory = new Map();
let failed = false;

function get(k) {
  try { return localStorage.getItem(k); } catch (e) { failed = true; return memory.has(k) ? memory.get(k) : null; }
}
function put(k, v) {
  try {
    if (v === null) localStorage.removeItem(k);
    else localStorage.setItem(k, v);
    return;
  } catch (e) { failed = true; }
  if (v === null) memory.delete(k);
  else memory.set(k, v);
}

// False when this page cannot keep anything beyond this visit (any localStorage exception).
export function works() {
  if (failed) return false;
  try {
    const probe = 'koers:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch (e) {
    failed = true;
    return false;
  }
}

// Call `then` when another tab (or the workshop's "next respondent") changes the saved answers,
// so no page goes on showing, or re-saving, answers that were changed or cleared elsewhere.
export function onChange(bank, then) {
  window.addEventListener('storage', (e) => {
    if (e.key === key(bank) || e.key === null) then();
  });
}

export function empty() {
  return { answers: {}, notes: {}, targets: {} };
}

// The saved state, with a `notice` when what was saved could not be used as it was:
// { kind: 'corrupt' } (unreadable: the page starts clean and says so) or
// { kind: 'stale', version, dropped, fresh } (saved with another version of the questions).
export function load(bank) {
  const raw = get(key(bank));
  if (raw === null) return empty();
  let read = null;
  try {
    read = readResult(bank, JSON.parse(raw));
  } catch (e) { /* not JSON */ }
  if (!read) return { ...empty(), notice: { kind: 'corrupt' } };
  const state = { answers: read.answers, notes: read.notes, targets: read.targets };
  if (read.name) state.name = read.name;
  if (read.stale) state.notice = { kind: 'stale', version: read.version, dropped: read.dropped, fresh: read.fresh };
  else if (read.rescored) state.notice = { kind: 'rescored' };
  return state;
}

// Say what load() found, once: the state is then saved again (or cleared) in today's form.
export function settle(bank, state, ui) {
  const notice = state.notice;
  delete state.notice;
  if (!notice) return '';
  if (notice.kind === 'corrupt') {
    forget(bank);
    return ui['scan.storage_reset'];
  }
  save(bank, state);
  return notice.kind === 'rescored' ? ui['scan.storage_rescored'] : fmt(ui['scan.storage_stale'], notice);
}

export function save(bank, state) {
  put(key(bank), JSON.stringify({
    format: 'koers-result', formatVersion: FORMAT, bank: bank.bank, version: bank.version, scoring: rulesStamp(bank),
    answers: state.answers, notes: state.notes, targets: state.targets, name: state.name || undefined,
  }));
}

// Remove everything kept for this bank; returns it exactly as it was, for restore() (undo).
// The handed-over words (keepWords) go too, unrestored: they are only a copy of the site's texts.
export function forget(bank) {
  const kept = { saved: get(key(bank)), step: get(stepKey(bank)) };
  put(key(bank), null);
  put(stepKey(bank), null);
  put(wordsKey(bank), null);
  return kept;
}

export function restore(bank, kept) {
  put(key(bank), kept.saved);
  put(stepKey(bank), kept.step);
}

// The saved state exactly as stored (or null): cheap to compare, to notice a change elsewhere.
export function stamp(bank) {
  return get(key(bank));
}

// The id of the area whose step the visitor saw last ('' when none), for "continue where you were".
export function lastStep(bank) {
  return get(stepKey(bank)) || '';
}

export function rememberStep(bank, area) {
  put(stepKey(bank), area);
}

// The scan form's statements and "why", handed to the results page (words.js) under `stamp`,
// the build they belong to. Only a copy of the site's own texts: a full storage here must not
// count as storage that fails (works()), so it is written apart from the answers.
export function keepWords(bank, stamp, words) {
  try { localStorage.setItem(wordsKey(bank), JSON.stringify({ stamp, ...words })); } catch (e) { /* the results page loads them */ }
}

// What keepWords() kept under `stamp`, or null.
export function keptWords(bank, stamp) {
  try {
    const kept = JSON.parse(localStorage.getItem(wordsKey(bank)));
    return kept && kept.stamp === stamp && Array.isArray(kept.text) && Array.isArray(kept.why) ? kept : null;
  } catch (e) {
    return null;
  }
}
