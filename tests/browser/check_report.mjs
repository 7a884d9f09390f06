// Opens an ajar HTML report in Debian's chromium (headless, via
// playwright-core) and checks it against the JSON report of the same run:
// table rows, severity counts, sorting, filtering, print layout, and that
// the page made no request but for its own file:// URL.
//   node check_report.mjs REPORT.html REPORT.json SCREENSHOT.png [XSS.html]
// Prints one JSON object of what it saw; exits 1 on the first failure.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [htmlPath, jsonPath, shotPath, xssPath] = process.argv.slice(2);
const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
const SEVS = ['critical', 'high', 'medium', 'low', 'info'];
const seen = {};

function check(ok, what) {
  if (!ok) {
    console.error('FAIL: ' + what);
    console.log(JSON.stringify(seen, null, 1));
    process.exit(1);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  const url = pathToFileURL(path.resolve(htmlPath)).href;
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (w) => requests.push(w.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });

  // rows: one per collection, one per target without collections
  const want = [];
  for (const t of report.targets) {
    if (!t.collections.length) want.push({ target: t.target, collection: null, severity: t.severity });
    for (const c of t.collections) want.push({ target: t.target, collection: c.name, severity: c.severity });
  }
  const rows = await page.$$eval('#rows tbody tr', (trs) => trs.map((tr) => ({
    target: tr.cells[1].textContent, collection: tr.cells[3].querySelector('a')?.textContent ?? null,
    severity: tr.getAttribute('data-sev'),
  })));
  seen.rows = rows.length;
  check(rows.length === want.length, `rows ${rows.length} != ${want.length}`);
  rows.forEach((r, i) => check(JSON.stringify(r) === JSON.stringify(want[i]),
    `row ${i}: ${JSON.stringify(r)} != ${JSON.stringify(want[i])}`));

  // summary cards and severity counts (targets per severity, as in "summary")
  const card = async (id) => Number(await page.textContent(`#${id} b`));
  seen.cards = { targets: await card('n-targets'), open: await card('n-open'),
    collections: await card('n-collections') };
  for (const k of ['targets', 'open', 'collections'])
    check(seen.cards[k] === report.summary[k], `card ${k}: ${seen.cards[k]} != ${report.summary[k]}`);
  seen.severity = {};
  for (const s of SEVS) {
    seen.severity[s] = Number(await page.textContent(`[data-sev-count="${s}"] b`));
    check(seen.severity[s] === report.summary[s], `severity ${s}: ${seen.severity[s]} != ${report.summary[s]}`);
  }
  const worst = SEVS.find((s) => report.summary[s] > 0) || 'info';
  check((await page.textContent('#worst .sev-word')) === worst, 'worst severity');

  // chart: one bar per category found, counting collections
  const bars = await page.$$eval('#chart g.bar', (gs) => gs.map((g) => g.getAttribute('data-category')));
  const cats = new Set(report.targets.flatMap((t) => t.collections.flatMap((c) => c.categories)));
  seen.bars = bars.length;
  check(bars.length === cats.size && bars.every((b) => cats.has(b)), 'chart bars != categories found');

  // sorting: Records starts descending, then ascending; Target ascending
  const col = async (i, attr) => page.$$eval('#rows tbody tr',
    (trs, [i, attr]) => trs.map((tr) => attr ? Number(tr.cells[i].getAttribute('data-v')) : tr.cells[i].textContent), [i, attr]);
  await page.click('#rows th:nth-child(5)');
  let v = await col(4, true);
  check(v.every((x, i) => !i || v[i - 1] >= x), 'records not descending after one click');
  check((await page.getAttribute('#rows th:nth-child(5)', 'aria-sort')) === 'descending', 'aria-sort');
  await page.click('#rows th:nth-child(5)');
  v = await col(4, true);
  check(v.every((x, i) => !i || v[i - 1] <= x), 'records not ascending after two clicks');
  await page.click('#rows th:nth-child(2)');
  v = await col(1, false);
  check(v.every((x, i) => !i || v[i - 1].toLowerCase() <= x.toLowerCase()), 'targets not sorted');
  await page.click('#rows th:nth-child(1)');
  v = await col(0, true);
  check(v.every((x, i) => !i || v[i - 1] >= x), 'severity not descending');
  seen.sorted = true;

  // filtering: by severity, by text, both cleared
  const visible = () => page.$$eval('#rows tbody tr', (trs) => trs.filter((tr) => !tr.hidden).length);
  seen.filter = {};
  for (const s of SEVS) {
    await page.selectOption('#sev', s);
    const n = await visible();
    seen.filter[s] = n;
    check(n === want.filter((w) => w.severity === s).length, `severity filter ${s}: ${n}`);
  }
  await page.selectOption('#sev', '');
  const probe = want.find((w) => w.collection)?.collection ?? want[0].target;
  await page.fill('#q', probe);
  const n = await visible();
  const expect = want.filter((w) => (w.target + ' ' + (w.collection ?? '')).toLowerCase().includes(probe.toLowerCase())).length;
  // rows whose text holds the probe (categories count too, so at least those)
  check(n >= 1 && n >= expect, `text filter '${probe}': ${n}`);
  await page.fill('#q', 'no-such-thing-anywhere-42');
  check((await visible()) === 0, 'filter matching nothing shows rows');
  seen.filter.text = n;
  await page.fill('#q', '');
  check((await visible()) === want.length, 'clearing the filter');
  check((await page.textContent('#shown')) === `${want.length} of ${want.length} rows`, 'row counter');

  // back to the default order for the screenshot
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: shotPath, fullPage: false });

  // print: controls hidden, every collection still there
  await page.emulateMedia({ media: 'print' });
  check(!(await page.isVisible('.controls')), 'controls visible when printed');
  const articles = await page.$$eval('article.col', (a) => a.filter((x) => x.offsetHeight > 0).length);
  check(articles === report.summary.collections, 'collections missing when printed');
  const pdf = await page.pdf();
  seen.pdf_bytes = pdf.length;
  check(pdf.length > 10000, 'printing to PDF gave almost nothing');

  if (xssPath) {
    const xurl = pathToFileURL(path.resolve(xssPath)).href;
    await page.emulateMedia({ media: 'screen' });
    await page.goto(xurl, { waitUntil: 'load' });
    const pwned = await page.evaluate(() => window.__ajar_pwned === undefined ? false : true);
    check(!pwned, 'a <script> from a field name ran');
    const text = await page.textContent('#collections');
    check(text.includes('<script>'), 'the field name is not shown as text');
    seen.xss = 'escaped';
  }
  seen.requests = requests;
  seen.errors = errors;
  const allowed = new Set([url, xssPath ? pathToFileURL(path.resolve(xssPath)).href : url]);
  check(requests.every((r) => allowed.has(r)), 'the page made a request: ' + requests.filter((r) => !allowed.has(r)).join(' '));
  check(errors.length === 0, 'page errors: ' + errors.join('; '));
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
}
