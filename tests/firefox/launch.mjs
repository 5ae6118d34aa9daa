// Debian's Firefox ESR through Puppeteer (WebDriver BiDi), quiet and closed to the network:
// shared by check_site.mjs (the tests) and benchmarks/bench_wizard_firefox.mjs.
import puppeteer from 'puppeteer-core';

export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.T2_FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    // No updates, telemetry or remote settings: a quiet browser on a closed network.
    extraPrefsFirefox: {
      'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false,
      // Firefox's default (each local file its own origin); automation profiles turn it off.
      'security.fileuri.strict_origin_policy': true,
    },
  });
}
