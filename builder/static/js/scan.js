// The scan: one area per step, each step at its own address (Back, Forward, reload and a
// bookmark keep the place); answers saved on every change.
import { bank, ui } from './bank.js';
import { $, $$, fmt } from './dom.js';
import { load, save, settle, onChange, works, rememberStep } from './store.js';
import { parse, stepHash } from './steps.js';
import { initProgress } from './progress.js';
import { carry, carried } from './carry.js';
import { handOver } from './words.js';

export function initScan() {
  const form = $('#scan'), steps = $$('.step', form), total = steps.length;
  if (!form || !total) return null;
  const state = load(bank);
  const notice = settle(bank, state, ui);
  if (notice) $('[data-status]').textContent = notice;
  if (takeEarly(form, state)) save(bank, state);
  const memoryOnly = !works();
  if (memoryOnly) $('[data-storage-notice]').hidden = false;
  const progress = initProgress(form, () => state.answers);
  // Every radio ends up as saved, checked or not: a browser may restore the previous respondent's choices.
  const showSaved = () => {
    // Only what differs is touched: each write restyles a radio, and the scan has hundreds, so
    // reading every one of them took a good part of the time to the first question.
    for (const r of $$('input[type=radio]:checked', form)) if (state.answers[r.name] !== r.value) r.checked = false;
    for (const [id, value] of Object.entries(state.answers)) {
      const group = form.elements.namedItem(id);
      if (group instanceof RadioNodeList && group.value !== value) group.value = value;
    }
    for (const t of $$('[data-note]', form)) {
      const text = state.notes[t.dataset.note] || '';
      if (t.value !== text) t.value = text;
    }
    progress.update();
  };
  // Take the saved answers again (changed in another tab, or by the results of this very page).
  function reload() {
    const fresh = load(bank);
    for (const k of ['answers', 'notes', 'targets', 'name']) {
      if (fresh[k] === undefined) delete state[k];
      else state[k] = fresh[k];
    }
    showSaved();
  }
  showSaved();
  onChange(bank, reload);
  // The results page reads the statements from here (words.js), once there are answers to show.
  let handed = false;
  const hand = () => {
    if (!handed) handOver(form);
    handed = true;
  };
  if (Object.keys(state.answers).length) setTimeout(hand);

  form.addEventListener('change', (e) => {
    const t = e.target;
    if (t.type === 'radio' && t.checked) {
      state.answers[t.name] = t.value;
      save(bank, state);
      hand();
      rememberStep(bank, steps[cur].dataset.area);
      progress.update();
    }
  });
  form.addEventListener('input', (e) => {
    const t = e.target;
    if (t.dataset.note) {
      if (t.value.trim()) state.notes[t.dataset.note] = t.value;
      else delete state.notes[t.dataset.note];
      save(bank, state);
    }
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  const nav = $('[data-step-nav]'), back = $('[data-back]', nav), next = $('[data-next]', nav), finish = $('[data-finish]', nav);
  const label = $('#progress-label');
  let cur = -1, seen = null;
  function show(i, focus) {
    if (cur >= 0 && cur !== i) progress.leaving(steps[cur].dataset.area, $('h2', steps[cur]).textContent);
    cur = i;
    steps.forEach((s, j) => { s.hidden = j !== i; });
    back.hidden = i === 0;
    next.hidden = i === total - 1;
    finish.hidden = i !== total - 1;
    label.textContent = fmt(ui['scan.area_of'], { n: i + 1, total }) + ': ' + $('h2', steps[i]).textContent;
    for (const a of $$('[data-lang-link]')) a.hash = steps[i].id;
    // Where the visitor is, for "continue where you were"; nothing is stored before a first answer.
    if (Object.keys(state.answers).length) rememberStep(bank, steps[i].dataset.area);
    if (focus) {
      $('h2', steps[i]).focus();
      document.dispatchEvent(new Event('koers:step'));
    }
  }
  // Go where a fragment points: a step (focus on its heading when asked) or one statement
  // (focus on it, marked when open). No fragment is the first step; others are not the scan's.
  function go(hash, focus) {
    const at = hash ? parse(bank, hash) : { area: steps[0].dataset.area, criterion: '' };
    if (!at) return false;
    // Chromium drops focus when it scrolls to a fragment after popstate; hashchange comes after.
    if (hash === seen) {
      if (focus && document.activeElement === document.body) at.criterion ? progress.mark(at.criterion) : $('h2', steps[cur]).focus();
      return true;
    }
    seen = hash;
    show(steps.findIndex((s) => s.dataset.area === at.area), focus && !at.criterion);
    if (at.criterion) progress.mark(at.criterion);
    return true;
  }
  // Buttons add a history entry, so the browser's Back and Forward move between steps.
  function move(i) {
    seen = stepHash(steps[i].dataset.area);
    history.pushState(null, '', seen);
    show(i, true);
  }
  // A link to a statement or a step on this page moves as the buttons do. Followed by the
  // browser, it would scroll to the statement's fieldset and, that being unfocusable, move focus
  // to the page once laid out: at times after the script had put it on the first answer.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#"]');
    if (!a || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !parse(bank, a.getAttribute('href'))) return;
    e.preventDefault();
    seen = null;
    history.pushState(null, '', a.getAttribute('href'));
    go(location.hash, true);
  });
  back.addEventListener('click', () => cur > 0 && move(cur - 1));
  next.addEventListener('click', () => cur < total - 1 && move(cur + 1));
  window.addEventListener('popstate', () => go(location.hash, true));
  window.addEventListener('hashchange', () => go(location.hash, true));
  nav.hidden = false;
  if (!go(location.hash, false)) show(0, false);
  // A statement's address names its fieldset, and once the page has loaded the browser scrolls
  // there and moves focus to the page itself (HTML's "scroll to the fragment"): take it back.
  if (document.readyState !== 'complete') {
    window.addEventListener('load', () => {
      const at = parse(bank, location.hash);
      if (at && at.criterion && document.activeElement === document.body) progress.mark(at.criterion);
    }, { once: true });
  }
  if (memoryOnly && document.body.dataset.page !== 'single') {
    carry('results.html', () => state);
    carried(location.hash).then((got) => {
      if (!got) return;
      const { read, to } = got;
      Object.assign(state, { answers: read.answers, notes: read.notes, targets: read.targets, name: read.name });
      save(bank, state);
      showSaved();
      history.replaceState(null, '', to || stepHash(steps[cur].dataset.area));
      if (to) go(to, true);
    });
  }
  // Print every step, with the "why" texts open; restore afterwards.
  let closed = [];
  window.addEventListener('beforeprint', () => {
    closed = $$('details:not([open])', form);
    for (const d of closed) d.open = true;
  });
  window.addEventListener('afterprint', () => { for (const d of closed) d.open = false; });
  const print = $('[data-print]');
  if (print) { print.hidden = false; print.addEventListener('click', () => window.print()); }
  return { reload, go: (hash) => go(hash, true) };
}

// The style sheet shows the step before this script runs (koers.css), so a choice made in that
// moment is the visitor's, and is kept rather than undone by showSaved(). Only on a fresh load:
// a reload or a step back in history may bring back a browser's own copy of earlier choices.
function takeEarly(form, state) {
  if (performance.getEntriesByType('navigation')[0]?.type !== 'navigate') return false;
  let took = false;
  for (const r of $$('input[type=radio]:checked', form)) {
    state.answers[r.name] = r.value;
    took = true;
  }
  for (const t of $$('[data-note]', form)) {
    if (t.value.trim()) {
      state.notes[t.dataset.note] = t.value;
      took = true;
    }
  }
  return took;
}
