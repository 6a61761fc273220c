// Saved answers in this browser's localStorage, one key per bank. Storage may be
// unavailable (privacy settings, sandboxed frames): then nothing is kept, quietly.
import { readResult } from './result.js';

const key = (bank) => 'koers:' + bank.bank;

export function empty() {
  return { answers: {}, notes: {}, targets: {} };
}

export function load(bank) {
  try {
    return readResult(bank, JSON.parse(localStorage.getItem(key(bank)))) || empty();
  } catch (e) {
    return empty();
  }
}

export function save(bank, state) {
  try {
    localStorage.setItem(key(bank), JSON.stringify({
      format: 'koers-result', formatVersion: 1, bank: bank.bank, version: bank.version,
      answers: state.answers, notes: state.notes, targets: state.targets,
    }));
  } catch (e) { /* storage full or blocked */ }
}

export function forget(bank) {
  try { localStorage.removeItem(key(bank)); } catch (e) { /* blocked */ }
}
