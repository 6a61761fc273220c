// The results page's bank. The core script, shared with the home page and the scan, carries
// the bank without the texts they never read; this page's own script adds them (actions,
// find-out questions, owners, facts, pitfalls and the results' UI texts). The statements and
// their "why" come from the scan's form (words.js).
import { bank, ui } from './bank.js';
import { texts } from './texts.js';

bank.criteria.forEach((c, i) => Object.assign(c, texts.criteria[i]));
bank.pitfalls.push(...texts.pitfalls);
Object.assign(ui, texts.ui);

export { bank, ui };
