// Drives Debian's Firefox ESR through Puppeteer (WebDriver BiDi) over a built
// site opened from disk: every page, then one full wizard walk, then the safety
// checks (content policy, search, clearing kept answers, quick exit), from disk and
// over http. Content-policy violations are recorded on every page.
// Usage: node check_site.mjs SITE_DIR SPEC_JSON  -> prints one JSON report.
// SPEC_JSON: {"pages": [...], "wizard": {"tree", "path": [[qid, value]...], "top"},
//             "http": base URL of the same site served locally, "answers": answers file path}
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchFirefox } from './launch.mjs';

const [siteDir, specPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const LOCAL = /^(file|data|blob|about):/;
const report = { pages: {}, wizard: null, safety: {} };

const browser = await launchFirefox();

// Every content-policy violation of a page, kept in the page (read by violations()).
const WATCH = `window.__t2csp = []; window.TRACK2_START_TIMEOUT_MS = 90000;
  document.addEventListener('securitypolicyviolation', (e) => window.__t2csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

async function violations(page) {
  return page.evaluate(() => window.__t2csp || ['(not recorded)']);
}

async function openRecorded(url, origin, init) {
  const page = await browser.newPage();
  const rec = { foreign: [], errors: [] };
  await page.evaluateOnNewDocument(WATCH);
  if (init) await page.evaluateOnNewDocument(init);
  page.on('request', (r) => {
    if (!LOCAL.test(r.url()) && !(origin && r.url().startsWith(origin + '/'))) rec.foreign.push(r.url());
  });
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(m.text()); });
  page.on('pageerror', (e) => rec.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, rec };
}

try {
  for (const rel of spec.pages) {
    const { page, rec } = await openRecorded(pathToFileURL(`${siteDir}/${rel}`).href);
    const position = await page.$eval('.md-header', (el) => getComputedStyle(el).position);
    report.pages[rel] = { styled: position === 'sticky', csp: await violations(page), ...rec };
    await page.close();
  }
  if (spec.wizard) {
    const { tree, path, top } = spec.wizard;
    const { page, rec } = await openRecorded(pathToFileURL(`${siteDir}/tools/${tree}.html`).href, null,
      `(${openingAnswer})(${JSON.stringify(path[0])})`);
    const started = Date.now();
    await page.waitForFunction(() => window.__t2opening, { timeout: 60000, polling: 50 });
    const opening = await page.evaluate(() => window.__t2opening);
    await page.waitForSelector('.t2-wizard.t2-ready, .t2-failed', { timeout: 60000 });
    const readyMs = Date.now() - started;
    const failed = await page.$('.t2-failed');
    let shownTop = null;
    if (!failed) {
      opening.python = await page.evaluate(async (event) => {  // Python's own reply, once started
        const w = window.TRACK2_WIZARD;
        const first = await w.call('null', JSON.stringify({ action: 'show' }));
        const reply = await w.call(JSON.stringify(first.session), JSON.stringify(event));
        const t = document.createElement('template');
        t.innerHTML = reply.html;
        return t.innerHTML;
      }, { action: 'answer', question: path[0][0], value: path[0][1] });
      for (const [qid, value] of path.slice(1)) {
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
    report.wizard = { tree, failed: !!failed, readyMs, opening, top: shownTop, expected: top,
                      csp: await violations(page), ...rec };
    await page.close();
  }
  if (spec.safety) await safetyChecks(report.safety);
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));

/* Run in the page before its scripts: the first answer is given the moment the page can take
 * it (DOMContentLoaded, when the wizard's own start is only just beginning), and
 * window.__t2opening records, as its next screen goes on the page, whether Python was
 * ready then (it cannot be, if the screen came from the page's opening) and what shows. */
function openingAnswer([qid, value]) {
  document.addEventListener('DOMContentLoaded', () => {
    const screen = document.querySelector('.t2-screen');
    const form = screen && screen.querySelector(`form.t2-question[data-question="${qid}"]`);
    if (!form) { window.__t2opening = { beforeReady: false, shown: '(no first question)' }; return; }
    new MutationObserver((records, observer) => {
      const now = screen.querySelector('form.t2-question, .t2-result');
      if (!now || (now.dataset && now.dataset.question === qid)) return;
      observer.disconnect();
      const w = window.TRACK2_WIZARD;
      // The markup the shell put on screen (read back as the page parses it): the live DOM
      // also carries the focus-visible class Material's script adds to the focused heading.
      const put = document.createElement('template');
      put.innerHTML = w.shown;
      window.__t2opening = { beforeReady: !w.ready && !w.call, shown: put.innerHTML };
    }).observe(screen, { childList: true, subtree: true });
    form.querySelector(`input[name="t2-answer"][value="${value}"]`).click();
    form.requestSubmit();
  });
}

/* ---- Safety checks: content policy, loading a file, search, clearing, quick exit ---- */

function fileUrl(rel) { return pathToFileURL(`${siteDir}/${rel}`).href; }

async function waitFor(page, fn, arg) {
  await page.waitForFunction(fn, { timeout: 90000, polling: 200 }, arg);
}

async function search(page) {
  await page.setViewport({ width: 1280, height: 900 });  // the header search box shows from 1220px
  await page.click('input.md-search__input');
  await page.keyboard.type('venue');
  await page.waitForSelector('.md-search-result__item', { timeout: 20000 });
  return page.$$eval('.md-search-result__item', (items) => items.length);
}

/* Wizard: start, load an answers file, search; no policy violation, nothing foreign. */
async function wizardUnderPolicy(base, origin) {
  const { page, rec } = await openRecorded(`${base}/tools/choose-process.html`, origin);
  await page.waitForSelector('.t2-wizard.t2-ready, .t2-failed', { timeout: 90000 });
  const failed = !!(await page.$('.t2-failed'));
  let loaded = null;
  if (!failed) {
    const input = await page.$('input.t2-file');
    await input.uploadFile(spec.safety.answers);
    await waitFor(page, () => document.querySelector('.t2-notice').textContent.includes('loaded'));
    loaded = await page.$eval('.t2-result', (box) => {
      const el = box.querySelector('.t2-outcome--top');
      return el ? el.dataset.outcome : null;
    });
  }
  const results = await search(page);
  const out = { failed, loaded, results, csp: await violations(page), where: await page.evaluate(
    () => window.TRACK2_WIZARD && window.TRACK2_WIZARD.where), ...rec };
  await page.close();
  return out;
}

/* Kept answers written on a wizard page; "Clear all" on the tools page; is it gone? */
async function clearAll() {
  const page = await browser.newPage();
  await page.goto(fileUrl('tools/venue.html'), { waitUntil: 'load' });
  await page.evaluate(() => localStorage.setItem('track2-wizard:venue', '{"answers": "kept"}'));
  await page.goto(fileUrl('tools/index.html'), { waitUntil: 'load' });
  const visibleFromTools = await page.evaluate(() => localStorage.getItem('track2-wizard:venue'));
  await page.click('.t2-clear-all');
  await waitFor(page, () => location.pathname.endsWith('/tools/index.html') &&
    !!document.querySelector('.t2-clear .t2-notice') &&
    document.querySelector('.t2-clear .t2-notice').textContent !== '');
  const notice = await page.$eval('.t2-clear .t2-notice', (el) => el.textContent);
  await page.goto(fileUrl('tools/venue.html'), { waitUntil: 'load' });
  const left = await page.evaluate(() => localStorage.getItem('track2-wizard:venue'));
  await page.close();
  return { visibleFromTools, notice, left };
}

/* Quick exit by Shift x3 after answers entered into history entries, then Back. */
async function quickExit() {
  const page = await browser.newPage();
  await page.goto(fileUrl('tools/venue.html'), { waitUntil: 'load' });
  await page.evaluate(() => {
    history.replaceState({ t2: { answers: {} } }, '');
    document.querySelector('h1').addEventListener('click', () => {
      history.pushState({ t2: { answers: { q: 'secret' } } }, '');
    });
  });
  await page.click('h1');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await waitFor(page, () => location.pathname.endsWith('/site/index.html') ||
    /\/index\.html$/.test(location.pathname) && !location.pathname.includes('/tools/'));
  const exitedTo = await page.evaluate(() => location.pathname.split('/').slice(-2).join('/'));
  await page.goBack();
  await waitFor(page, () => location.pathname.endsWith('/tools/venue.html') && document.readyState !== 'loading');
  const stateAfterBack = await page.evaluate(() => JSON.stringify(history.state));
  await page.close();
  return { exitedTo, stateAfterBack };
}

/* Requests a payload that slipped in would try, from a page opened from disk: each must
 * be refused by the policy (a violation recorded) before anything is sent. */
async function injected(elsewhere) {
  const { page, rec } = await openRecorded(fileUrl('tools/index.html'), null);
  const tries = await page.evaluate(async (x) => {
    const out = [];
    const attempt = async (name, run) => {
      try { await run(); out.push(name + ': sent'); } catch (e) { out.push(name + ': ' + e.name); }
    };
    await attempt('fetch', () => fetch(x + '/fetch', { mode: 'no-cors' }));
    await attempt('beacon', () => { if (!navigator.sendBeacon(x + '/beacon', 'a')) throw new Error('refused'); });
    await attempt('image', () => { new Image().src = x + '/image'; });
    await attempt('script', () => { const s = document.createElement('script'); s.src = x + '/s.js';
                                    document.head.appendChild(s); });
    await attempt('frame', () => { const f = document.createElement('iframe'); f.src = x + '/frame';
                                   document.body.appendChild(f); });
    await new Promise((r) => setTimeout(r, 1500));
    return out;
  }, elsewhere);
  const out = { tries, csp: await violations(page), foreign: rec.foreign };
  await page.close();
  return out;
}

/* Known-answer vector of docs/javascripts/protect.js (the same as tests/security/test_protect.py). */
async function knownAnswer(vector) {
  const page = await browser.newPage();
  await page.goto(fileUrl('tools/index.html'), { waitUntil: 'load' });
  const out = await page.evaluate(async (v) => {
    const hex = (h) => new Uint8Array(h.match(/../g).map((b) => parseInt(b, 16)));
    const text = await TRACK2_PROTECT.encrypt(v.plain, v.passphrase, { salt: hex(v.salt), iv: hex(v.iv) });
    let wrong;
    try { await TRACK2_PROTECT.decrypt(text, v.passphrase + 'x'); wrong = 'opened'; } catch (e) { wrong = e.reason; }
    return { data: JSON.parse(text).data, plain: await TRACK2_PROTECT.decrypt(text, v.passphrase), wrong };
  }, vector);
  await page.close();
  return out;
}

async function safetyChecks(out) {
  out.injected = await injected(spec.safety.http);
  out.knownAnswer = await knownAnswer(spec.safety.vector);
  out.top = spec.safety.top;
  out.wizardFile = await wizardUnderPolicy(pathToFileURL(siteDir).href, null);
  out.wizardHttp = await wizardUnderPolicy(spec.safety.http, spec.safety.http);
  out.clearAll = await clearAll();
  out.quickExit = await quickExit();
}
