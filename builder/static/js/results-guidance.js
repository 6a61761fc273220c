// What to read next: the pitfalls that fit the visitor's levels, and per area its guidance page
// and the page of the level above. Without pitfalls in the bank, only the guidance, under its own heading.
import { bank } from './bank.js';
import { h } from './dom.js';
import { rules } from './scoring.js';
import { levelName, R } from './labels.js';
import { link } from './guide-links.js';

const { first } = rules(bank);

export function guidance(scores) {
  const fits = bank.pitfalls.filter((p) => (p.areas.length ? p.areas : bank.areas.map((a) => a.id))
    .some((id) => scores[id] && scores[id].level !== null && (!p.levels.length || p.levels.includes(scores[id].level))));
  return [...(bank.pitfalls.length ? [
    h('ul', { class: 'plain-list' }, fits.map((p) => h('li', { class: 'pitfall' },
      link('pitfalls.html#' + p.id, p.title), ' — ', p.summary))),
    h('h3', null, R('guidance_heading'))] : []),
  h('ul', { class: 'plain-list' }, bank.areas.map((a) => {
    const next = scores[a.id].level === null ? null : bank.levels[scores[a.id].level - first + 1];
    return h('li', null, link('areas/' + a.id + '.html', a.name),
      next ? [' → ', link('levels/' + next.id + '.html', levelName[next.n])] : null);
  }))];
}
