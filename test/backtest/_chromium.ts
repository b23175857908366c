/**
 * Test helper: drives headless Chromium (Debian `chromium`) over the Chrome DevTools Protocol on
 * `--remote-debugging-pipe` (file descriptors 3 and 4, NUL-separated JSON messages), so no npm
 * dependency and no WebSocket client are needed. The page is opened exactly as shipped (nothing is
 * injected into it); the browser reports, through the protocol, every network request, every failed
 * load, console messages, uncaught exceptions and its own log (CSP refusals, SVG attribute errors).
 * `Runtime.evaluate` runs the inspection script from outside the page, so the report's CSP (no
 * scripts) stays in force.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Debian package's launcher. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the test can run: Chromium is installed. */
export const hasChromium = existsSync(CHROMIUM_PATH);

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
  sessionId?: string;
}

/** What the browser reported while a page loaded. */
export interface PageEvents {
  /** URLs requested by the page, the document itself included. */
  readonly requests: string[];
  /** Requests that failed or were blocked, with the reason. */
  readonly failedRequests: string[];
  /** `console.*` calls: `level: text`. */
  readonly console: string[];
  /** Uncaught exceptions. */
  readonly exceptions: string[];
  /** The browser's log for the page (security, rendering, network...): `level source: text`. */
  readonly log: string[];
}

/** One opened page. */
export interface OpenedPage {
  readonly events: PageEvents;
  /** Evaluates an expression in the page (outside its CSP) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of the whole page, or of a region of it (CSS pixels from the page's top left). */
  screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer>;
  /** Switches the CSS media type ('print' or 'screen'), optionally with a new viewport width in CSS pixels. */
  emulateMedia(media: 'print' | 'screen', width?: number): Promise<void>;
  close(): Promise<void>;
}

/** A headless Chromium started by the test. */
export class Chromium {
  private buffer = '';
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (m: CdpMessage) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: CdpMessage) => void>();
  private readonly stderrTail: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const fromBrowser = child.stdio[4] as Readable;
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail.push(chunk.toString('utf8'));
      if (this.stderrTail.length > 50) this.stderrTail.shift();
    });
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`chromium exited\n${this.stderrTail.join('').slice(-2000)}`));
      this.pending.clear();
    });
  }

  /** Starts Chromium: headless, no sandbox (CI runs as root), no background network, a fresh profile. */
  static async launch(): Promise<Chromium> {
    const profile = mkdtempSync(join(tmpdir(), 'report-chromium-profile-'));
    const child = spawn(
      CHROMIUM_PATH,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--remote-debugging-pipe',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-extensions',
        '--disable-sync',
        '--mute-audio',
        '--hide-scrollbars',
        '--force-color-profile=srgb',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const browser = new Chromium(child, profile);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    await browser.send('Target.setDiscoverTargets', { discover: false });
    return browser;
  }

  private receive(text: string): void {
    this.buffer += text;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined && this.pending.has(message.id)) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(`CDP ${message.error.code}: ${message.error.message}`));
        else waiter?.resolve(message);
      } else {
        for (const listener of this.listeners) listener(message);
      }
    }
  }

  /** Sends a protocol command (to a page when `sessionId` is given); rejects after 20 s. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    const toBrowser = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`CDP ${method}: no answer in 20 s`));
      }, 20_000);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m.result ?? {});
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /**
   * Opens `url` in a new tab of `width` CSS pixels, records what the browser reports until the load
   * event and two animation frames later (layout done), and returns the page.
   */
  async open(url: string, width = 1280): Promise<OpenedPage> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const events: PageEvents = { requests: [], failedRequests: [], console: [], exceptions: [], log: [] };
    let resolveLoad: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (resolveLoad = resolve));
    const requestUrls = new Map<string, string>();
    const listener = (m: CdpMessage): void => {
      if (m.sessionId !== sessionId || m.method === undefined) return;
      const p = m.params as Record<string, never>;
      switch (m.method) {
        case 'Network.requestWillBeSent': {
          const request = p.request as { url: string };
          requestUrls.set(p.requestId, request.url);
          events.requests.push(request.url);
          break;
        }
        case 'Network.loadingFailed':
          events.failedRequests.push(`${requestUrls.get(p.requestId) ?? p.requestId}: ${p.errorText || p.blockedReason || 'failed'}`);
          break;
        case 'Network.responseReceived': {
          const response = p.response as { url: string; status: number };
          if (response.status >= 400) events.failedRequests.push(`${response.url}: HTTP ${response.status}`);
          break;
        }
        case 'Runtime.consoleAPICalled': {
          const args = (p.args as { value?: unknown; description?: string }[]).map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? '')));
          events.console.push(`${String(p.type)}: ${args.join(' ')}`);
          break;
        }
        case 'Runtime.exceptionThrown': {
          const details = p.exceptionDetails as { text: string; exception?: { description?: string } };
          events.exceptions.push(details.exception?.description ?? details.text);
          break;
        }
        case 'Log.entryAdded': {
          const entry = p.entry as { level: string; source: string; text: string };
          events.log.push(`${entry.level} ${entry.source}: ${entry.text}`);
          break;
        }
        case 'Page.loadEventFired':
          resolveLoad();
          break;
      }
    };
    this.listeners.add(listener);
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    const navigation = (await this.send('Page.navigate', { url }, sessionId)) as { errorText?: string };
    if (navigation.errorText) throw new Error(`navigation to ${url} failed: ${navigation.errorText}`);
    await loaded;
    const evaluate = async <T>(expression: string): Promise<T> => {
      const r = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value as T;
    };
    await evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
    return {
      events,
      evaluate,
      screenshot: async (clip) => {
        const params = { format: 'png', captureBeyondViewport: true, ...(clip ? { clip: { ...clip, scale: 1 } } : {}) };
        const { data } = (await this.send('Page.captureScreenshot', params, sessionId)) as { data: string };
        return Buffer.from(data, 'base64');
      },
      emulateMedia: async (media, newWidth) => {
        await this.send('Emulation.setEmulatedMedia', { media }, sessionId);
        if (newWidth !== undefined) await this.send('Emulation.setDeviceMetricsOverride', { width: newWidth, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
        await evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
      },
      close: async () => {
        this.listeners.delete(listener);
        await this.send('Target.closeTarget', { targetId });
      },
    };
  }

  /** Closes the browser (kills it if it does not exit within 5 s) and removes its profile. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
