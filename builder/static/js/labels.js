// The bank's names by id and the results' UI texts: one table for every page that shows a
// route (results, team, workshop), so none of them builds its own.
import { bank, ui } from './bank.js';
import { fmt } from './dom.js';

export const names = {};
export const levelName = {};
for (const a of bank.areas) names[a.id] = a.name;
for (const l of bank.levels) levelName[l.n] = l.n + ' · ' + l.name;

// A results text, its {placeholders} filled in when values are given.
export const R = (k, v) => (v ? fmt(ui['results.' + k], v) : ui['results.' + k]);
