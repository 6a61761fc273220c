// The route part of a page, one for the results page, the team page and workshop mode: from
// answers, scores and chosen targets to the route list on screen and the document that every
// export is made from (see FORMATS in exports.js). The pages differ only in what they add around it.
import { bank, ui } from './bank.js';
import { $, h } from './dom.js';
import { rules } from './scoring.js';
import { standing } from './verdict.js';
import { route, targets } from './route.js';
import { resultObject, today } from './result.js';
import { routeView } from './route-view.js';
import { bindExports, runExport } from './exports.js';
import { names, levelName } from './labels.js';

const { top } = rules(bank);

// list: where the route goes; root: the page part holding the export buttons and their status
// (the _exports.html macro); file: how the files' names start; texts: the exports' UI texts;
// dress(doc): adds what only this page's exports say (the team's members, say).
export function routePage({ list, root, file, texts = ui, dress }) {
  const place = $('[data-export-status]', root);
  let doc = null;
  bindExports(root, place, () => doc);
  return {
    // state: { answers, notes, targets, name }; returns the document, with goal and items.
    show(state, scores) {
      const goal = targets(bank, scores, state.targets);
      const items = route(bank, state.answers, state.targets, scores);
      doc = { result: resultObject(bank, ui, state, goal, items, today()), goal, items, names, ui: texts, csv: bank.csv,
        where: standing(bank, ui, scores, goal, state.answers, names), file: file + today() + '.' };
      if (dress) dress(doc);
      list.replaceChildren(...routeView(items, ui, names));
      return doc;
    },
    clear() {
      doc = null;
    },
    run(key) {
      if (doc) runExport(key, doc, place);
    },
  };
}

// A target select for one area: from its level up to the top. pick(n) when the visitor chooses.
export function targetSelect(from, value, pick, attrs) {
  const select = h('select', attrs);
  for (let n = from; n <= top; n++) select.append(h('option', { value: n }, levelName[n]));
  select.value = value;
  select.addEventListener('change', () => pick(+select.value));
  return select;
}
