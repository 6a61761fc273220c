// Entry of the scan page (also embedded): the stepper only. Its bank (in the core script)
// carries no statement or "why" text: the form on the page shows them, and the scan never
// needs them itself.
import { bank } from './bank.js';
import { initScan } from './scan.js';
import { start } from './start.js';

start(initScan, bank);
