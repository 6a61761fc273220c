// Saved answers in this browser's localStorage, one key per bank. Storage may be
// unavailable (privacy settings, sandboxed frames): then nothing is kept, quietly.
import { readResult, rulesStamp, FORMAT } from './result.js';
import { fmt } from './dom.js';

const key = (bank) => 'koers:' + bank.bank;

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
  let raw = null;
  try {
    raw = localStorage.getItem(key(bank));
  } catch (e) {
    return empty();
  }
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
  try {
    localStorage.setItem(key(bank), JSON.stringify({
      format: 'koers-result', formatVersion: FORMAT, bank: bank.bank, version: bank.version, scoring: rulesStamp(bank),
      answers: state.answers, notes: state.notes, targets: state.targets, name: state.name || undefined,
    }));
  } catch (e) { /* storage full or blocked */ }
}

export function forget(bank) {
  try { localStorage.removeItem(key(bank)); } catch (e) { /* blocked */ }
}

// The saved state exactly as stored (or null): cheap to compare, to notice a change elsewhere.
export function stamp(bank) {
  try { return localStorage.getItem(key(bank)); } catch (e) { return null; }
}
