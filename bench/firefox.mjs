// The scan in Firefox (Debian's firefox-esr, headless, over WebDriver BiDi with puppeteer-core,
// which comes with Lighthouse): run by firefox.py, which builds the site. argv[2]: the site;
// argv[3]: the same site with every script emptied, to see what the style sheet alone shows.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core/lib/puppeteer/puppeteer-core.js';

const [site, bare] = process.argv.slice(2);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const serve = (root) => new Promise((ready) => {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(req.url.split(/[?#]/)[0]));
    fs.readFile(file, (err, data) => {
      res.writeHead(err ? 404 : 200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(err ? '' : data);
    });
  }).listen(0, '127.0.0.1', () => ready(server));
});
const check = (ok, what) => { console.log((ok ? 'ok   ' : 'FAIL ') + what); if (!ok) process.exitCode = 1; };

const servers = [await serve(site), await serve(bare)];
const [live, plain] = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
const page = await browser.newPage();
const shown = () => page.evaluate(() => [...document.querySelectorAll('.step')].filter((s) => s.getClientRects().length).map((s) => s.id));
const steps = await (async () => { await page.goto(plain + 'scan.html'); return page.evaluate(() => [...document.querySelectorAll('.step')].map((s) => s.id)); })();
const statement = await page.evaluate(() => document.querySelector(`#${CSS.escape([...document.querySelectorAll('.step')][2].id)} .criterion`).id);

for (const [hash, expected] of [['', steps[0]], ['#' + steps[3], steps[3]], ['#' + statement, steps[2]]]) {
  await page.goto(plain + 'scan.html' + hash, { waitUntil: 'load' });
  check(JSON.stringify(await shown()) === JSON.stringify([expected]), `before the script, scan.html${hash} shows ${expected} alone`);
}
await page.goto(live + 'scan.html', { waitUntil: 'load' });
check(JSON.stringify(await shown()) === JSON.stringify([steps[0]]), 'with the script, the first step');
for (let i = 0; i < steps.length; i++) {
  await page.evaluate(() => { for (const f of document.querySelectorAll('.step:not([hidden]) [data-criterion]')) f.querySelectorAll('input')[1].click(); });
  if (i < steps.length - 1) await page.click('[data-next]');
}
await Promise.all([page.waitForNavigation(), page.click('[data-finish]')]);
await page.waitForSelector('[data-route] [data-item]');
check(await page.evaluate(() => document.querySelectorAll('[data-route] [data-item]').length) > 0, 'every step answered "partly": the results show a route');
await page.goto(live + 'scan.html#' + statement, { waitUntil: 'load' });
await new Promise((r) => setTimeout(r, 300));
check(await page.evaluate((id) => document.activeElement.name === id.slice(2), statement), `scan.html#${statement} focuses its first answer`);
await browser.close();
for (const s of servers) s.close();
