// Launches Debian's Chromium with playwright-core (which downloads no browser).
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from './paths';
import { runEnv, type RunDirs } from './code-server';

/** Flags for a closed network and a root user; background networking would only fail here. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A fresh persistent profile inside the run folder. */
export async function launchBrowser(dirs: RunDirs): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: runEnv(dirs) as Record<string, string>,
    viewport: { width: 1400, height: 900 },
  });
  liveContexts.add(context);
  context.once('close', () => liveContexts.delete(context));
  return context;
}

const liveContexts = new Set<BrowserContext>();

/** Closes every browser this process launched. */
export async function closeBrowsers(): Promise<void> {
  await Promise.all([...liveContexts].map((context) => context.close().catch(() => undefined)));
}
