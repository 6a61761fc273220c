// A result from elsewhere: a share link in the address, or a JSON file. Taken as the visitor's
// own when nothing is saved here yet; otherwise shown as a view that leaves the saved answers
// untouched (see shared-view.js).
import { bank } from './bank.js';
import { $ } from './dom.js';
import { decode } from './codec.js';
import { readResult } from './result.js';
import { load, save } from './store.js';
import { say } from './status.js';
import { R } from './labels.js';

const same = (a, b) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);
const stateOf = (read) => ({ answers: read.answers, notes: read.notes, targets: read.targets, name: read.name });

// page: { show(state): shows it (the current one when left out), ready(answers): a promise that the texts
// they need are here, changed(), status }; view: the shared view; memoryOnly: storage fails.
export function initIncoming(page, view, memoryOnly) {
  // What to say about a result taken in: msg, and whether it was made with other questions or rules.
  const about = (read, msg) => [msg, read.stale ? R('stale', { version: read.version, dropped: read.dropped, fresh: read.fresh }) : '',
    read.rescored ? R('rescored') : ''].filter(Boolean).join(' ');

  function adopt(read, msg, place = page.status) {
    const state = stateOf(read);
    save(bank, state);
    page.show(state);
    page.changed();
    say(place, about(read, msg));
  }

  function take(read, obj, msg, place) {
    const mine = load(bank);
    delete mine.notice;
    if (!Object.keys(mine.answers).length && !Object.keys(mine.notes).length) return adopt(read, msg, place);
    if (same(mine.answers, read.answers) && same(mine.notes, read.notes)) {
      page.show(mine);
      return say(place, R('shared_same'));
    }
    // The view and the route it shows appear together: never their heading over the visitor's route.
    page.ready(read.answers).then(() => {
      view.open(read, obj, mine);
      page.show(stateOf(read));
      if (about(read, '')) say(place, about(read, ''));
    });
  }

  const input = $('[data-import-file]'), imported = $('[data-import-status]');
  input.addEventListener('change', () => {
    const f = input.files[0];
    if (!f) return;
    f.text().then((text) => {
      const obj = JSON.parse(text), read = readResult(bank, obj);
      if (!read) throw 0;
      take(read, obj, R('loaded_file', { file: f.name }), imported);
    }).catch(() => say(imported, R('file_broken'))).finally(() => { input.value = ''; });
  });

  return {
    adopt,
    // A share link in the address; false when there is none (the page then shows what is saved).
    fromAddress() {
      const m = /^#r=(.*)$/.exec(location.hash);
      if (!m) return false;
      // The answers do not linger in the address bar, unless it is the only place that keeps them.
      if (!memoryOnly) history.replaceState(null, '', location.href.split('#')[0]);
      decode(m[1]).then((obj) => {
        const read = readResult(bank, obj);
        if (!read) throw 0;
        take(read, obj, R(memoryOnly ? 'loaded_visit' : 'loaded_link'), page.status);
      }).catch(() => {
        page.show();
        say(page.status, R('link_broken'));
      });
      return true;
    },
  };
}
