/**
 * The real browsers the tests and the demo drive. They come from Debian
 * packages (Playwright's own downloads need a network this project does not
 * assume). A missing browser is a failure with a fix, never a silent skip.
 */
import { existsSync } from 'node:fs';

/** A browser executable and the Debian package that provides it. */
export interface BrowserInstall {
  name: string;
  path: string;
  debianPackage: string;
  /** Environment variable that overrides `path`. */
  envVar: string;
}

/** Debian's Chromium (supports `--load-extension`, unlike branded Chrome 137+). */
export const CHROMIUM: BrowserInstall = {
  name: 'Chromium',
  path: process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium',
  debianPackage: 'chromium',
  envVar: 'GLOSS_CHROMIUM',
};

/** Debian's Firefox ESR (WebDriver BiDi, so Puppeteer can install the add-on). */
export const FIREFOX: BrowserInstall = {
  name: 'Firefox ESR',
  path: process.env.GLOSS_FIREFOX ?? '/usr/bin/firefox-esr',
  debianPackage: 'firefox-esr',
  envVar: 'GLOSS_FIREFOX',
};

/** The message shown when a browser is missing: what to install, or what to set. */
export function missingBrowserMessage(browser: BrowserInstall): string {
  return (
    `${browser.name} not found at ${browser.path}. ` +
    `Install it with \`apt-get install ${browser.debianPackage}\` (as root), ` +
    `or point ${browser.envVar} at an executable.`
  );
}

/** Returns the executable path, or throws `missingBrowserMessage`. */
export function requireBrowser(browser: BrowserInstall): string {
  if (!existsSync(browser.path)) throw new Error(missingBrowserMessage(browser));
  return browser.path;
}
