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
import { load, save, forget, empty, settle, onChange } from './store.js';
import { initWorkshop } from './workshop.js';

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

export function initResults() {
  const status = $('[data-status]'), share = $('[data-share]'), nameField = $('[data-name]');
  let state = load(bank), scores, goal, items, result, where, ticket = 0;
  const notice = settle(bank, state, ui);
  if (notice) say(notice);

  function say(msg) {
    status.textContent = status.textContent === msg ? msg + '\u00a0' : msg;
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

  function adopt(read, msg) {
    state = { answers: read.answers, notes: read.notes, targets: read.targets, name: read.name };
    save(bank, state);
    render();
    say([msg, read.stale ? T('stale', { version: read.version, dropped: read.dropped, fresh: read.fresh }) : '',
      read.rescored ? T('rescored') : ''].filter(Boolean).join(' '));
  }

  function copy(text, field) {
    const fail = () => {
      if (field) field.select();
      say(T('copy_failed'));
    };
    try {
      navigator.clipboard.writeText(text).then(() => say(T('copied')), fail);
    } catch (e) {
      fail();
    }
  }

  const file = bank.bank + '-route-' + today() + '.';
  const actions = {
    md: () => download(file + 'md', toMarkdown(result, names, ui, where), 'text/markdown;charset=utf-8'),
    csv: () => download(file + 'csv', toCsv(result, names, ui, bank.csv), 'text/csv;charset=utf-8'),
    json: () => download(file + 'json', JSON.stringify(result, null, 2) + '\n', 'application/json'),
    print: () => window.print(),
    copy: () => copy(toMarkdown(result, names, ui, where)),
  };
  $('[data-exports]').addEventListener('click', (e) => {
    const b = e.target.closest('[data-export]');
    if (b && result) actions[b.dataset.export]();
  });
  $('[data-copy-link]').addEventListener('click', () => copy(share.value, share));
  // The optional name travels with the answers: saved here, in the share link and in the JSON.
  nameField.addEventListener('input', () => {
    state.name = nameField.value;
    save(bank, state);
    if (scores) update();
  });
  function clear() {
    forget(bank);
    state = empty();
    ticket++;
    share.value = '';
    render();
  }
  $('[data-forget]').addEventListener('click', () => {
    clear();
    say(T('forgotten'));
    $('[data-empty] a').focus();
  });
  initWorkshop({ json: () => actions.json(), link: () => share.value, clear });
  const input = $('[data-import-file]');
  input.addEventListener('change', () => {
    const f = input.files[0];
    if (!f) return;
    f.text().then((text) => {
      const read = readResult(bank, JSON.parse(text));
      if (!read) throw 0;
      adopt(read, T('loaded_file', { file: f.name }));
    }).catch(() => say(T('file_broken'))).finally(() => { input.value = ''; });
  });

  const m = /^#r=(.*)$/.exec(location.hash);
  if (!m) render();
  else {
    history.replaceState(null, '', location.href.split('#')[0]);
    decode(m[1]).then((obj) => {
      const read = readResult(bank, obj);
      if (!read) throw 0;
      adopt(read, T('loaded_link'));
    }).catch(() => {
      render();
      say(T('link_broken'));
    });
  }
  // For pages that show the results again later (the single-file edition): reread the answers.
  const refresh = () => { state = load(bank); render(); };
  onChange(bank, refresh);
  return { refresh };
}
