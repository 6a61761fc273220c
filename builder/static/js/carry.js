// When this page cannot store anything, links between the scan and the results carry the
// answers in their fragment, as a share link does, so the journey still ends in the visitor's
// own results (and "change answers" still shows them).
import { bank, ui } from './bank.js';
import { works } from './store.js';
import { encode, decode } from './codec.js';
import { resultObject, readResult } from './result.js';

// to: the page name the links lead to ('results.html' or 'scan.html'); state(): the answers now.
export function carry(to, state) {
  document.addEventListener('click', (e) => {
    const a = e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey || !a.pathname.endsWith('/' + to) || works()) return;
    e.preventDefault();
    const s = state(), at = a.hash.slice(1);
    encode(resultObject(bank, ui, s, s.targets, [])).then((code) => {
      location.href = a.href.split('#')[0] + '#r=' + code + (at ? '&to=' + at : '');
    });
  });
}

// What a carried link brings along: { read, to } (to: the fragment the link itself had), or
// null when there is nothing or it cannot be read.
export async function carried(hash) {
  const m = /^#r=([\w-]+)(?:&to=([\w-]+))?$/.exec(hash);
  if (!m) return null;
  try {
    const read = readResult(bank, await decode(m[1]));
    return read ? { read, to: m[2] ? '#' + m[2] : '' } : null;
  } catch (e) {
    return null;
  }
}
