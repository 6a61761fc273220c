// Entry of the single-file edition: scan and results on one page. The hosted site has one
// entry per page instead (landing-main, scan-main, results-main, embed-main), so a page
// downloads only the code it runs.
import { bank } from './bank.js';
import { initSingle } from './single.js';
import { start } from './start.js';

start(initSingle, bank);
