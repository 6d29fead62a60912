// Drives the real VS Code workbench (code-server in Chromium) the way a person does: the
// explorer, the command palette, the editor's squiggles, the Problems panel, notifications
// and webviews. Every step waits on a selector or an event, never on a fixed sleep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../../../../scripts/e2e/lib/browser';
import { resultsDir } from '../../../../scripts/e2e/lib/paths';
import { currentUiRun } from '../../../../scripts/e2e/lib/ui-run';

export type Severity = 'error' | 'warning' | 'info';

/** Where screenshots go; CI keeps test-results/ as the run's artefacts. */
export const screenshotsDir = path.join(resultsDir, 'screenshots');

let context: Promise<BrowserContext> | undefined;

/** One browser per process, shared by every Workbench; run-ui-tests closes it at the end. */
function browser(): Promise<BrowserContext> {
  context ??= launchBrowser(currentUiRun().dirs);
  return context;
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Workbenches still open, for screenshots of failed tests. */
const open = new Set<Workbench>();

/** Saves a screenshot of every open workbench; run-ui-tests calls it after a failed test. */
export async function screenshotOpenWorkbenches(name: string): Promise<string[]> {
  return Promise.all([...open].map((wb, i) => wb.screenshot(open.size > 1 ? `${name}-${i}` : name)));
}

export class Workbench {
  private constructor(readonly page: Page) {
    open.add(this);
  }

  /** Opens the workbench on `folder` (default: the run's workspace) in a new tab. */
  static async open(options: { folder?: string; timeoutMs?: number } = {}): Promise<Workbench> {
    const run = currentUiRun();
    const page = await (await browser()).newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 30_000);
    await page.goto(`${run.url}/?folder=${encodeURIComponent(options.folder ?? run.workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return new Workbench(page);
  }

  /** Opens a file by clicking through the explorer; `relativePath` uses '/'. */
  async openFile(relativePath: string): Promise<void> {
    const segments = relativePath.split('/');
    const rowOf = (segment: string) => this.page.locator('.explorer-folders-view .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactly(segment) }),
    }).first();
    for (const [i, segment] of segments.entries()) {
      const row = rowOf(segment);
      const isFolder = i < segments.length - 1;
      if (isFolder && (await row.getAttribute('aria-expanded')) === 'true') continue;
      await row.click();
    }
    const name = segments.at(-1)!;
    const tab = this.page.locator('.tabs-container .tab.active', { hasText: name });
    // A file created beside it a moment ago (a run's weights) can shift the explorer's rows
    // under the click: then the click opened the neighbour, and the row is clicked again.
    for (let attempt = 0; attempt < 2 && !(await tab.isVisible()); attempt++) {
      await tab.waitFor({ timeout: 5000 }).catch(async () => rowOf(name).click());
    }
    await tab.waitFor();
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
  }

  /** Runs a command from the palette by its full title ("Category: Title"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactly(title) }),
    }).first();
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The squiggles of one severity in the visible editors. */
  squiggles(severity: Severity = 'error'): Locator {
    return this.page.locator(`.monaco-editor .squiggly-${severity}`);
  }

  /** Waits until at least `count` squiggles of `severity` are drawn; returns how many there are. */
  async waitForSquiggles(severity: Severity = 'error', count = 1): Promise<number> {
    await this.squiggles(severity).nth(count - 1).waitFor();
    return this.squiggles(severity).count();
  }

  /** Opens the Problems panel (Ctrl+Shift+M) unless it is showing. */
  async openProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
    }
    return panel;
  }

  /** The Problems panel's rows (file rows and marker rows), once a row holding `waitFor` shows. */
  async problems(waitFor?: string | RegExp): Promise<string[]> {
    const panel = await this.openProblems();
    const rows = panel.locator('.monaco-list-row');
    if (waitFor !== undefined) await rows.filter({ hasText: waitFor }).first().waitFor();
    return (await rows.allTextContents()).map((text) => text.trim());
  }

  /** Waits for a notification toast holding `text` and returns it. */
  async waitForNotification(text: string | RegExp): Promise<Locator> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor();
    return toast;
  }

  /** The content of the `index`-th webview (its inner frame), once it is ready. */
  async webview(index = 0): Promise<FrameLocator> {
    await this.page.locator('iframe.webview.ready').nth(index).waitFor();
    return this.page.frameLocator('iframe.webview.ready').nth(index).frameLocator('#active-frame');
  }

  /** The RGBA pixel at (x, y) of the first canvas in `frame`. */
  async canvasPixel(frame: FrameLocator, x: number, y: number, selector = 'canvas'): Promise<number[]> {
    return frame.locator(selector).first().evaluate(
      (canvas, [px, py]) => Array.from((canvas as unknown as CanvasLike).getContext('2d')!.getImageData(px!, py!, 1, 1).data),
      [x, y],
    );
  }

  /** Waits until the extension is active on the open spec (its "Inspect" CodeLens shows), so its commands are listed. */
  async waitForExtension(): Promise<void> {
    await this.page.locator('.monaco-editor .codelens-decoration', { hasText: 'Inspect' }).first().waitFor({ timeout: 60_000 });
  }

  /**
   * Closes every editor and reloads the window, so the workbench saves a layout without a
   * webview panel: the next suite's window must not restore it.
   */
  async leaveNoInspector(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await this.page.locator('iframe.webview').first().waitFor({ state: 'detached' });
    const reloaded = this.page.waitForEvent('framenavigated', { predicate: (f) => f === this.page.mainFrame() });
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.monaco-workbench').waitFor();
  }

  /** Saves a PNG of the whole workbench to test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    open.delete(this);
    await this.page.close();
  }
}

/** The part of HTMLCanvasElement used above (the test tsconfig has no DOM library). */
interface CanvasLike {
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
