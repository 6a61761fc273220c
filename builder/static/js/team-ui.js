// Texts shared by the team page's parts: team UI strings, the live-region helper, reasons.
import { bank, ui } from './bank.js';
import { fmt } from './dom.js';
import { number as inLanguage } from './verdict.js';
import { say } from './status.js';
import { names } from './labels.js';

export const T = (k, v) => (v ? fmt(ui['team.' + k], v) : ui['team.' + k]);

export const number = (n) => inLanguage(bank, n);

// A live region that also announces the same message twice in a row; the areas' names.
export { say, names };

// Why an input could not be used (see team-input.js).
export function reasonText(r) {
  return T('reason_' + r.reason, { bank: r.bank || '' });
}

// What was dropped from a result made with another version of the questions, or ''.
export function staleNote(label, snap) {
  const r = snap.read;
  if (!r.stale && !r.dropped) return '';
  return T('stale', { name: label, version: snap.version, dropped: r.dropped, fresh: r.fresh,
    gone: snap.gone.length ? ' (' + snap.gone.join(', ') + ')' : '' });
}
