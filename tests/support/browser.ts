import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The Debian `chromium` package; playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Git-ignored; kept after the run so a failing page can be looked at. */
export const SCREENSHOT_DIR = path.join(__dirname, '..', 'e2e', 'screenshots');

/**
 * What this machine needs: no sandbox (root in a container), no GPU, and none of Chromium's own
 * traffic (updates, sync, QUIC probes), which would otherwise try to leave the machine.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface BrowserSession {
  browser: Browser;
  /** A fresh context (its own storage) for the whole test file; every page in it is fenced in. */
  context: BrowserContext;
  /** Requests the pages tried to send off this machine, aborted: a test expects none. */
  blockedRequests: string[];
  /** Uncaught exceptions in any page of the session: a page that throws is broken even if it renders. */
  pageErrors: string[];
  /**
   * What the pages' console reported as refused by the Content-Security-Policy (an inline script
   * or style, eval, a source outside the policy): a test expects none.
   */
  cspViolations: string[];
  newPage(): Promise<Page>;
  /** Saves a full-page PNG under SCREENSHOT_DIR and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
}

function chromiumInstalled(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function openSession(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const blockedRequests: string[] = [];
    // On the context, so popups and workers of any page are fenced in as well.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOOPBACK.has(new URL(url).hostname)) return route.continue();
      blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
    });
    return {
      browser,
      context,
      blockedRequests,
      pageErrors,
      cspViolations,
      newPage: () => context.newPage(),
      async screenshot(page, name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * A describe block with one headless Chromium for the whole file; `session()` is valid inside its
 * hooks and tests. Without Chromium the block is skipped with a warning, unless REQUIRE_BROWSER=1
 * (CI), where a missing browser must fail rather than pass silently.
 */
export function browserSuite(name: string, fn: (session: () => BrowserSession) => void): void {
  if (!chromiumInstalled()) {
    const message = `No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`;
    if (process.env.REQUIRE_BROWSER === '1') {
      throw new Error(`${message} REQUIRE_BROWSER=1 demands the browser tests.`);
    }
    console.warn(`${message} Skipping "${name}".`);
    describe.skip(name, () => fn(() => undefined as never));
    return;
  }
  describe(name, () => {
    let current: BrowserSession | undefined;
    beforeAll(async () => {
      current = await openSession();
    });
    afterAll(async () => {
      await current?.browser.close();
    });
    fn(() => {
      if (!current) throw new Error('The browser session exists only inside hooks and tests.');
      return current;
    });
  });
}
