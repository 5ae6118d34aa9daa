// The wizard start-up in Firefox ESR (Puppeteer over WebDriver BiDi), for bench_wizard.py:
// the same measures as its Chromium loads, from file://, each load in a fresh browser context.
//
//   node benchmarks/bench_wizard_firefox.mjs SPEC_JSON   -> prints one JSON object
//
// SPEC_JSON: {"runs": N, "sites": {variant: site dir}, "trees": [...], "plain": "introduction.html",
//             "watch": init script, "read", "tick", "click", "floor": function texts,
//             "read_ms": ms, "read_clicks": questions answered after reading per load}
// Output: {"variant/page": [one object of times per load, ...]}. A benchmark, not a test.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchFirefox } from '../tests/firefox/launch.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await launchFirefox();

const evaluate = (page, fn) => page.evaluate(`(${fn})()`);

async function oneLoad(url, wizard) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(spec.watch);
    await page.goto(url, { waitUntil: 'load' });
    if (!wizard) {
      await new Promise((r) => setTimeout(r, 100));
      return { fcp: (await evaluate(page, spec.read)).fcp };
    }
    await page.waitForSelector('.t2-wizard.t2-ready, .t2-failed', { timeout: 120000 });
    if (await page.$('.t2-failed')) throw new Error(`wizard failed at ${url}`);
    await page.waitForFunction(() => window.__t2.second !== undefined, { timeout: 30000 });
    const times = await evaluate(page, spec.read);
    if (spec.floor) times.floor = await evaluate(page, spec.floor);  // the click comes at the same moment
    let click = await evaluate(page, spec.click);
    if (!click.moved) throw new Error('the click did not move to another question');
    times.click = click.click;
    const read = [];
    for (let i = 0; i < spec.read_clicks; i++) {  // tick, read for a while, press Next
      if (!(await evaluate(page, spec.tick))) break;
      await new Promise((r) => setTimeout(r, spec.read_ms));
      click = await evaluate(page, spec.click);
      if (!click.moved) break;
      if (click.result) { times.click_result = click.click; break; }  // reported on its own
      read.push(click.click);
    }
    read.sort((a, b) => a - b);
    const mid = read.length >> 1;
    times.click_read = !read.length ? null : read.length % 2 ? read[mid] : (read[mid - 1] + read[mid]) / 2;
    return times;
  } finally {
    await context.close();
  }
}

const out = {};
try {
  for (let run = 0; run < spec.runs; run++) {
    for (const page of [...spec.trees, spec.plain]) {
      for (const [variant, site] of Object.entries(spec.sites)) {
        const wizard = page !== spec.plain;
        const url = pathToFileURL(`${site}/${wizard ? `tools/${page}.html` : page}`).href;
        (out[`${variant}/${page}`] ||= []).push(await oneLoad(url, wizard));
      }
    }
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
