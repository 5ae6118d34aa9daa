// Drives Debian's Firefox ESR through Puppeteer (WebDriver BiDi) over a built
// site opened from disk: every page, then one full wizard walk.
// Usage: node check_site.mjs SITE_DIR SPEC_JSON  -> prints one JSON report.
// SPEC_JSON: {"pages": [...], "wizard": {"tree", "path": [[qid, value]...], "top"}}
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [siteDir, specPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const LOCAL = /^(file|data|blob|about):/;
const report = { pages: {}, wizard: null };

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.T2_FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  // No updates, telemetry or remote settings: a quiet browser on a closed network.
  extraPrefsFirefox: {
    'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false,
  },
});

async function openRecorded(url) {
  const page = await browser.newPage();
  const rec = { foreign: [], errors: [] };
  page.on('request', (r) => { if (!LOCAL.test(r.url())) rec.foreign.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(m.text()); });
  page.on('pageerror', (e) => rec.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, rec };
}

try {
  for (const rel of spec.pages) {
    const { page, rec } = await openRecorded(pathToFileURL(`${siteDir}/${rel}`).href);
    const position = await page.$eval('.md-header', (el) => getComputedStyle(el).position);
    report.pages[rel] = { styled: position === 'sticky', ...rec };
    await page.close();
  }
  if (spec.wizard) {
    const { tree, path, top } = spec.wizard;
    const { page, rec } = await openRecorded(pathToFileURL(`${siteDir}/tools/${tree}.html`).href);
    const started = Date.now();
    await page.waitForSelector('.t2-wizard.t2-ready, .t2-failed', { timeout: 60000 });
    const readyMs = Date.now() - started;
    const failed = await page.$('.t2-failed');
    let shownTop = null;
    if (!failed) {
      for (const [qid, value] of path) {
        const form = `form.t2-question[data-question="${qid}"]`;
        await page.waitForSelector(form);
        for (const v of Array.isArray(value) ? value : [value]) {
          await page.click(`${form} input[name="t2-answer"][value="${v}"]`);
        }
        await page.click(`${form} button[type=submit]`);
      }
      await page.waitForSelector('.t2-result');
      shownTop = await page.$eval('.t2-result', (box) => {
        const el = box.querySelector('.t2-outcome--top') || box.querySelector('.t2-gate');
        return el ? el.dataset.outcome : null;
      });
    }
    report.wizard = { tree, failed: !!failed, readyMs, top: shownTop, expected: top, ...rec };
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
