// Results: level per area and why, chart, route with targets, pitfalls, exports, share link.
import { bank, ui } from './bank.js';
import { $, h, fmt } from './dom.js';
import { rules, score } from './scoring.js';
import { levelText, reasonText, standing } from './verdict.js';
import { route, targets } from './route.js';
import { encode, decode } from './codec.js';
import { resultObject, readResult, today } from './result.js';
import { toMarkdown, toCsv, download } from './exports.js';
import { chart } from './chart.js';
import { routeView } from './route-view.js';
import { load, save as keep, forget, restore, empty, settle, onChange, works } from './store.js';
import { initWorkshop } from './workshop.js';
import { say as tell } from './status.js';
import { ask } from './dialog.js';
import { initSharedView } from './shared-view.js';
import { openList } from './open-list.js';
import { carry } from './carry.js';

// Guidance links start from this language's root; from an embedded page they open outside the frame.
// The single-file edition has no guidance pages beside it: there they point to the hosted site
// when its address is known, and are plain text otherwise.
const home = document.body.dataset.home || '';
const single = document.body.dataset.page === 'single';
const out = document.body.hasAttribute('data-embed') || single ? { target: '_blank', rel: 'noopener' } : {};
const link = (href, text) => (single && !home ? h('span', null, text) : h('a', { href: home + href, ...out }, text));
const T = (k, v) => (v ? fmt(ui['results.' + k], v) : ui['results.' + k]);
const names = {}, levelName = {};
for (const a of bank.areas) names[a.id] = a.name;
for (const l of bank.levels) levelName[l.n] = l.n + ' · ' + l.name;
const { first, top } = rules(bank);

// hooks.changed(): called when the saved answers changed here (loaded, replaced, forgotten, back).
export function initResults(hooks = {}) {
  const status = $('[data-status]'), share = $('[data-share]'), nameField = $('[data-name]');
  let state = load(bank), scores, goal, items, result, where, ticket = 0;
  const notice = settle(bank, state, ui);
  if (notice) say(notice);
  const memoryOnly = !works();
  if (memoryOnly) $('[data-storage-notice]').hidden = false;
  const changed = () => hooks.changed && hooks.changed();
  // While someone else's result is on view, nothing on this page saves over the visitor's own.
  const view = initSharedView({
    keep: () => { refresh(); say(T('shared_kept')); $('#results-title').focus(); },
    replace: (read) => { adopt(read, T('replaced')); $('#results-title').focus(); },
  }, single && !home ? '' : home + 'team.html', out);
  function save(b, s) {
    if (!view.active()) keep(b, s);
  }

  function say(msg) {
    tell(status, msg);
  }

  function render() {
    const has = Object.keys(state.answers).length > 0;
    $('[data-results]').hidden = !has;
    $('[data-empty]').hidden = has;
    $('[data-import]').hidden = false;
    nameField.value = state.name || '';
    if (!has) return;
    scores = score(bank, state.answers);
    renderLevels();
    renderPitfalls();
    $('[data-open]').replaceChildren(...(view.active() ? [] : openList(state.answers, names)));
    const noted = bank.areas.filter((a) => state.notes[a.id]);
    $('[data-notes]').replaceChildren(...(noted.length ? [h('h3', null, T('notes_heading')),
      h('dl', { class: 'notes' }, noted.map((a) => [h('dt', null, a.name), h('dd', null, state.notes[a.id])]))] : []));
    update();
  }

  // Everything that depends on the targets; keeps the target selects (and focus) in place.
  function update() {
    goal = targets(bank, scores, state.targets);
    items = route(bank, state.answers, state.targets, scores);
    result = resultObject(bank, ui, state, goal, items, today());
    where = standing(bank, ui, scores, goal, state.answers, names);
    $('[data-completeness]').textContent = where.summary;
    const summary = bank.areas.map((a) => a.name + ': ' + levelText(bank, ui, scores[a.id])).join(', ');
    $('[data-chart]').replaceChildren(chart(bank, scores, goal, T('chart_title') + '. ' + summary, T('level_none')),
      h('p', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'key on' }), T('table_level'), ' ', h('span', { class: 'key goal' }), T('table_target')));
    renderRoute();
    const mine = ++ticket;
    encode(result).then((code) => {
      if (mine === ticket) share.value = (document.body.dataset.shareBase || location.href.split('#')[0]) + '#r=' + code;
    }, () => { share.value = ''; });
  }

  function renderLevels() {
    const goal = targets(bank, scores, state.targets);
    const rows = bank.areas.map((a) => {
      const s = scores[a.id];
      // Open statements are a link back to their step of the scan.
      const open = s.open.length ? [' ', h('a', { href: 'scan.html#step-' + a.id, 'data-open-link': a.id }, T('answer_open', { n: s.open.length }))] : null;
      let select = T('no_target');
      if (s.level !== null) {
        select = h('select', { id: 'target-' + a.id, 'aria-label': T('target_label', { area: a.name }) });
        for (let n = s.level; n <= top; n++) select.append(h('option', { value: n }, levelName[n]));
        select.value = goal[a.id];
        select.addEventListener('change', () => {
          state.targets[a.id] = +select.value;
          save(bank, state);
          update();
        });
      }
      return h('tr', { 'data-area': a.id, class: s.level === null ? 'unanswered' : s.incomplete ? 'incomplete' : null },
        h('th', { scope: 'row' }, link('areas/' + a.id + '.html', a.name)),
        h('td', { 'data-label': T('table_level'), 'data-level': s.level === null ? '' : s.value }, levelText(bank, ui, s)),
        h('td', { 'data-label': T('table_capped'), 'data-reason': s.reason.kind }, reasonText(bank, ui, s, state.answers, names, scores), open),
        h('td', { 'data-label': T('table_target') }, select));
    });

    // A bank with groups gets a heading row wherever the group changes.
    const body = [];
    bank.areas.forEach((a, i) => {
      if (a.group && a.group !== (bank.areas[i - 1] || {}).group) {
        body.push(h('tr', { class: 'group-row' }, h('th', { scope: 'colgroup', colspan: 4 }, a.group)));
      }
      body.push(rows[i]);
    });
    $('[data-levels]').replaceChildren(h('table', { class: 'levels' },
      h('caption', null, T('chart_title')),
      h('thead', null, h('tr', null, ['table_area', 'table_level', 'table_capped', 'table_target'].map((k) => h('th', { scope: 'col' }, T(k))))),
      h('tbody', null, body)));
  }

  function renderRoute() {
    $('[data-route]').replaceChildren(...routeView(items, ui, names));
  }

  function renderPitfalls() {
    const fits = bank.pitfalls.filter((p) => (p.areas.length ? p.areas : bank.areas.map((a) => a.id))
      .some((id) => scores[id] && scores[id].level !== null && (!p.levels.length || p.levels.includes(scores[id].level))));
    // Without pitfalls in the bank the section is only the guidance, under its own heading.
    $('[data-pitfalls]').replaceChildren(...(bank.pitfalls.length ? [
      h('ul', { class: 'plain-list' }, fits.map((p) => h('li', { class: 'pitfall' },
        link('pitfalls.html#' + p.id, p.title), ' — ', p.summary))),
      h('h3', null, T('guidance_heading'))] : []),
      h('ul', { class: 'plain-list' }, bank.areas.map((a) => {
        const next = scores[a.id].level === null ? null : bank.levels[scores[a.id].level - first + 1];
        return h('li', null, link('areas/' + a.id + '.html', a.name),
          next ? [' → ', link('levels/' + next.id + '.html', levelName[next.n])] : null);
      })));
  }

  // What to say about a result taken in: msg, and whether it was made with other questions or rules.
  const about = (read, msg) => [msg, read.stale ? T('stale', { version: read.version, dropped: read.dropped, fresh: read.fresh }) : '',
    read.rescored ? T('rescored') : ''].filter(Boolean).join(' ');
  function adopt(read, msg, place = status) {
    state = { answers: read.answers, notes: read.notes, targets: read.targets, name: read.name };
    keep(bank, state);
    render();
    changed();
    tell(place, about(read, msg));
  }

  // A result from a link or a file: taken as the visitor's own when nothing is saved here yet,
  // otherwise shown as a view that leaves the saved answers untouched.
  function incoming(read, obj, msg, place) {
    const mine = load(bank);
    delete mine.notice;
    if (!Object.keys(mine.answers).length && !Object.keys(mine.notes).length) return adopt(read, msg, place);
    const same = (a, b) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);
    if (same(mine.answers, read.answers) && same(mine.notes, read.notes)) {
      state = mine;
      render();
      return tell(place, T('shared_same'));
    }
    state = { answers: read.answers, notes: read.notes, targets: read.targets, name: read.name };
    view.open(read, obj, mine);
    render();
    if (about(read, '')) tell(place, about(read, ''));
  }

  function copy(text, place, field) {
    const fail = () => {
      if (field) field.select();
      tell(place, T('copy_failed'));
    };
    try {
      navigator.clipboard.writeText(text).then(() => tell(place, T('copied')), fail);
    } catch (e) {
      fail();
    }
  }

  const file = bank.bank + '-route-' + today() + '.', exported = $('[data-export-status]');
  const get = (name, text, type) => {
    download(name, text, type);
    tell(exported, T('export_started', { file: name }));
  };
  const actions = {
    md: () => get(file + 'md', toMarkdown(result, names, ui, where), 'text/markdown;charset=utf-8'),
    csv: () => get(file + 'csv', toCsv(result, names, ui, bank.csv), 'text/csv;charset=utf-8'),
    json: () => get(file + 'json', JSON.stringify(result, null, 2) + '\n', 'application/json'),
    print: () => window.print(),
    copy: () => copy(toMarkdown(result, names, ui, where), exported),
  };
  $('[data-exports]').addEventListener('click', (e) => {
    const b = e.target.closest('[data-export]');
    if (b && result) actions[b.dataset.export]();
  });
  $('[data-copy-link]').addEventListener('click', () => copy(share.value, $('[data-share-status]'), share));
  // The optional name travels with the answers: saved here, in the share link and in the JSON.
  nameField.addEventListener('input', () => {
    state.name = nameField.value;
    save(bank, state);
    if (scores) update();
  });
  // Returns what was removed, exactly as it was stored.
  function clear() {
    const kept = forget(bank);
    state = empty();
    ticket++;
    share.value = '';
    render();
    changed();
    return kept;
  }
  // Forget asks first; the forgotten answers stay in memory for an undo until the page closes.
  const undo = $('[data-undo]'), undone = $('[data-undo-status]');
  let forgotten = null;
  $('[data-forget]').addEventListener('click', async () => {
    if (!(await ask({ title: T('forget_title'), text: T('forget_text'), ok: T('forget'), cancel: T('cancel') }))) return;
    forgotten = clear();
    undo.hidden = false;
    tell(undone, T('forgotten'));
    $('button', undo).focus();
  });
  $('button', undo).addEventListener('click', () => {
    restore(bank, forgotten);
    forgotten = null;
    undo.hidden = true;
    refresh();
    changed();
    tell(undone, T('restored'));
    $('[data-forget]').focus();
  });
  initWorkshop({ json: () => actions.json(), link: () => share.value, clear });
  const input = $('[data-import-file]'), imported = $('[data-import-status]');
  input.addEventListener('change', () => {
    const f = input.files[0];
    if (!f) return;
    f.text().then((text) => {
      const obj = JSON.parse(text), read = readResult(bank, obj);
      if (!read) throw 0;
      incoming(read, obj, T('loaded_file', { file: f.name }), imported);
    }).catch(() => tell(imported, T('file_broken'))).finally(() => { input.value = ''; });
  });

  const m = /^#r=(.*)$/.exec(location.hash);
  if (!m) render();
  else {
    // The answers do not linger in the address bar, unless it is the only place that keeps them.
    if (!memoryOnly) history.replaceState(null, '', location.href.split('#')[0]);
    decode(m[1]).then((obj) => {
      const read = readResult(bank, obj);
      if (!read) throw 0;
      incoming(read, obj, T(memoryOnly ? 'loaded_visit' : 'loaded_link'), status);
    }).catch(() => {
      render();
      say(T('link_broken'));
    });
  }
  if (memoryOnly && !single) carry('scan.html', () => state);
  // For pages that show the results again later (the single-file edition): reread the answers.
  function refresh() {
    if (view.active()) return;
    state = load(bank);
    render();
    if (forgotten && Object.keys(state.answers).length) {
      forgotten = null;
      undo.hidden = true;
    }
  }
  onChange(bank, refresh);
  return { refresh };
}
