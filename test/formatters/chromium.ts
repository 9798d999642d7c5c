// A minimal Chrome DevTools Protocol client for the HTML report test: launches headless Chromium
// (Debian's `chromium`), opens one page, records console errors, exceptions and network requests,
// and sends real mouse and keyboard input. Node's built-in WebSocket is the only transport needed.
/* eslint-disable @typescript-eslint/no-explicit-any -- DevTools protocol messages are untyped JSON */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The Chromium binary, or undefined when none is installed. */
export function findChromium(): string | undefined {
  for (const name of [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome']) {
    if (!name) continue;
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class Page {
  readonly consoleErrors: string[] = [];
  readonly requests: string[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: { method: string; resolve: () => void }[] = [];
  private sessionId = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly ws: WebSocket,
    private readonly profileDir: string,
  ) {
    ws.addEventListener('message', (ev) => this.onMessage(JSON.parse(String(ev.data)) as Record<string, any>));
  }

  static async launch(binary: string): Promise<Page> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'azready-chromium-'));
    const proc = spawn(binary, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`chromium did not start: ${buf.slice(-500)}`)), 20_000);
      proc.stderr?.on('data', (d: Buffer) => {
        buf += d.toString();
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      proc.on('exit', (code) => reject(new Error(`chromium exited with ${code}: ${buf.slice(-500)}`)));
    });
    const ws = new WebSocket(endpoint);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', () => reject(new Error('cannot connect to chromium')), { once: true });
    });
    const page = new Page(proc, ws, profileDir);
    const { targetId } = (await page.send('Target.createTarget', { url: 'about:blank' }, false)) as { targetId: string };
    page.sessionId = ((await page.send('Target.attachToTarget', { targetId, flatten: true }, false)) as { sessionId: string }).sessionId;
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await page.send(`${domain}.enable`);
    return page;
  }

  send(method: string, params: Record<string, unknown> = {}, inSession = true): Promise<any> {
    const id = this.nextId++;
    const message: Record<string, unknown> = { id, method, params };
    if (inSession) message.sessionId = this.sessionId;
    this.ws.send(JSON.stringify(message));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  async open(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => this.waiters.push({ method: 'Page.loadEventFired', resolve }));
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Evaluates an expression in the page and returns its JSON value. */
  async eval<T>(expression: string): Promise<T> {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`page error: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value as T;
  }

  /** A real mouse click in the middle of the element the selector finds. */
  async click(selector: string): Promise<void> {
    const box = await this.eval<{ x: number; y: number } | null>(`(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`);
    if (!box) throw new Error(`no element ${selector}`);
    for (const type of ['mousePressed', 'mouseReleased']) await this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }

  /** Presses one key (e.g. ' ' as Space, 'Tab') on whatever has the focus. */
  async press(key: ' ' | 'Tab'): Promise<void> {
    const k = key === ' ' ? { key: ' ', code: 'Space', windowsVirtualKeyCode: 32, text: ' ' } : { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...k });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close', {}, false), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // the browser may already be gone
    }
    this.ws.close();
    if (this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    // Chromium's helper processes may still write into the profile for a moment after the
    // browser exits; cleaning a temporary folder must not fail the test run.
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  private onMessage(msg: Record<string, any>): void {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`${msg.error.message} (${JSON.stringify(msg.error)})`));
      else p?.resolve(msg.result);
      return;
    }
    const params = msg.params ?? {};
    switch (msg.method) {
      case 'Runtime.consoleAPICalled':
        if (params.type === 'error' || params.type === 'assert') this.consoleErrors.push(`console.${params.type}: ${JSON.stringify(params.args?.map((a: any) => a.value ?? a.description))}`);
        break;
      case 'Runtime.exceptionThrown':
        this.consoleErrors.push(`exception: ${params.exceptionDetails?.exception?.description ?? params.exceptionDetails?.text}`);
        break;
      case 'Log.entryAdded':
        // Content-Security-Policy violations and failed loads arrive here.
        if (params.entry?.level === 'error') this.consoleErrors.push(`log: ${params.entry.text}`);
        break;
      case 'Network.requestWillBeSent':
        this.requests.push(params.request?.url);
        break;
    }
    for (const w of this.waiters.filter((x) => x.method === msg.method)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
  }
}
