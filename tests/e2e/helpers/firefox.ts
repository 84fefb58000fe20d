/**
 * Launches Debian's Firefox ESR through Puppeteer (WebDriver BiDi) and
 * installs the built Gloss add-on as a temporary add-on, the same way
 * about:debugging → "Load Temporary Add-on" does.
 *
 * Host access: Gloss's content script matches `<all_urls>`. Firefox grants an
 * MV3 add-on's content-script host permissions at install (since Firefox 127),
 * so the script runs on http://127.0.0.1 pages with no extra profile prefs.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX, requireBrowser } from './browsers';
import { FIREFOX_BUILD, requireBuild } from './paths';

/** A running Firefox with Gloss installed. */
export interface FirefoxWithGloss {
  browser: Browser;
  /** The add-on id Firefox reports (the gecko id from the manifest). */
  addonId: string;
  close(): Promise<void>;
}

/** Starts headless Firefox ESR with a throwaway profile and installs Gloss. */
export async function launchFirefoxWithGloss(): Promise<FirefoxWithGloss> {
  const executablePath = requireBrowser(FIREFOX);
  const extension = requireBuild(FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    enableExtensions: true,
    defaultViewport: { width: 1280, height: 900 },
  });
  try {
    const addonId = await browser.installExtension(extension);
    return { browser, addonId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused to install ${extension}: ${String(error)}`, { cause: error });
  }
}
