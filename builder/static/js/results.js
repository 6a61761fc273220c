// Results: level per area and why, chart, route with targets, pitfalls, exports, share link.
// This file composes the parts and holds the answers on view; each part is a module of its own.
import { bank, ui } from './bank.js';
import { $ } from './dom.js';
import { rules, score } from './scoring.js';
import { load, save as keep, forget, empty, settle, onChange, works } from './store.js';
import { say } from './status.js';
import { routePage } from './route-page.js';
import { chartFigure, levelsTable, notesList } from './results-levels.js';
import { guidance } from './results-guidance.js';
import { shareLink } from './share-link.js';
import { initForget } from './forget.js';
import { initIncoming } from './incoming.js';
import { initSharedView } from './shared-view.js';
import { initWorkshop } from './workshop.js';
import { openList } from './open-list.js';
import { carry } from './carry.js';
import { names, R } from './labels.js';
import { haveFindOut, haveWords, loadFindOut, loadWords } from './words.js';
import { home, single, out } from './guide-links.js';

// hooks.changed(): called when the saved answers changed here (loaded, replaced, forgotten, back).
export function initResults(hooks = {}) {
  const status = $('[data-status]'), nameField = $('[data-name]');
  let state = load(bank), scores = null;
  const notice = settle(bank, state, ui);
  if (notice) say(status, notice);
  const memoryOnly = !works();
  if (memoryOnly) $('[data-storage-notice]').hidden = false;
  const changed = () => hooks.changed && hooks.changed();
  const share = shareLink();
  const page = routePage({ list: $('[data-route]'), root: $('[data-exports]'), file: bank.bank + '-route-' });
  // While someone else's result is on view, nothing on this page saves over the visitor's own.
  const view = initSharedView({
    keep: () => { refresh(); say(status, R('shared_kept')); $('#results-title').focus(); },
    replace: (read) => { taken.adopt(read, R('replaced')); $('#results-title').focus(); },
  }, single && !home ? '' : home + 'team.html', out);
  const save = () => { if (!view.active()) keep(bank, state); };

  // The texts these answers need that are not here yet (words.js): a promise, or null when all are.
  function texts(answers) {
    const waits = [];
    if (Object.keys(answers).length && !haveWords()) waits.push(loadWords());
    if (!haveFindOut() && Object.values(answers).includes(rules(bank).unknown)) waits.push(loadFindOut());
    return waits.length ? Promise.all(waits) : null;
  }

  function render() {
    const has = Object.keys(state.answers).length > 0;
    // Answers to show, but not yet the texts they need: show them once they are here.
    const waiting = texts(state.answers);
    if (waiting) {
      $('[data-empty]').hidden = true;
      return waiting.then(render);
    }
    $('[data-results]').hidden = !has;
    $('[data-empty]').hidden = has;
    $('[data-import]').hidden = false;
    nameField.value = state.name || '';
    scores = has ? score(bank, state.answers) : null;
    if (!has) return page.clear();
    $('[data-pitfalls]').replaceChildren(...guidance(scores));
    $('[data-open]').replaceChildren(...(view.active() ? [] : openList(state.answers, names)));
    $('[data-notes]').replaceChildren(...notesList(state.notes));
    update(true);
  }

  // Everything that depends on the targets; a new target keeps the table (and the focus) in place.
  function update(table) {
    const doc = page.show(state, scores);
    if (table) $('[data-levels]').replaceChildren(levelsTable(scores, doc.goal, state.answers, pick));
    $('[data-completeness]').textContent = doc.where.summary;
    $('[data-chart]').replaceChildren(...chartFigure(scores, doc.goal));
    share.show(doc.result);
  }
  function pick(area, n) {
    state.targets[area] = n;
    save();
    update(false);
  }
  // The optional name travels with the answers: saved here, in the share link and in the JSON.
  nameField.addEventListener('input', () => {
    state.name = nameField.value;
    save();
    if (scores) update(false);
  });

  // Returns what was removed, exactly as it was stored.
  function clear() {
    const kept = forget(bank);
    state = empty();
    share.clear();
    render();
    changed();
    return kept;
  }
  const undo = initForget({ clear, back: () => { refresh(); changed(); } });
  initWorkshop({ page, link: share.value, clear });
  const taken = initIncoming({ show: (s) => { if (s) state = s; render(); }, ready: (a) => texts(a) || Promise.resolve(),
    changed, status }, view, memoryOnly);
  if (!taken.fromAddress()) render();
  // A share link pasted into the address bar of this open page only changes its fragment.
  window.addEventListener('hashchange', () => taken.fromAddress());
  if (memoryOnly && !single) carry('scan.html', () => state);

  // For pages that show the results again later (the single-file edition): reread the answers.
  function refresh() {
    if (view.active()) return;
    state = load(bank);
    render();
    if (Object.keys(state.answers).length) undo.answered();
  }
  onChange(bank, refresh);
  return { refresh };
}
