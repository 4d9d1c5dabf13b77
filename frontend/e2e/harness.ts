// Test harness for the browser tests: a real `civisphere serve` on a temp data folder and
// Debian's Chromium driven by playwright-core (no browser download).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const binary = process.env.CIVISPHERE_BIN ?? resolve(__dirname, '../../build/bin/civisphere');
export const resultsDir = resolve(__dirname, '../../test-results');

export interface Server {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `civisphere serve` on a free loopback port and resolves once it prints its URL. */
export function startServer(dataDir: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`civisphere serve did not start in time:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+) in your browser/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1],
          dataDir,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`civisphere serve exited with ${code}:\n${output}`));
    });
  });
}

export function tempDataDir(): { dir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'civisphere-e2e-'));
  // Accents and spaces in the path, as on a real French PC.
  const dir = join(root, 'Données Élodie');
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page that records console errors and failed requests, so CSP violations fail the test. */
export async function newPage(
  browser: Browser,
  locale: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

/** The app on a fresh data folder and a browser, shared by the tests of one describe block. */
export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: Server;
  /** Stops the server and starts it again on the same data folder. */
  restartServer(): Promise<void>;
}

/**
 * Starts the app on a fresh data folder and launches the browser before the tests of the calling
 * describe block, and stops both and removes the folder after them.
 */
export function useBrowserSuite(): BrowserSuite {
  const data = tempDataDir();
  let browser: Browser | undefined;
  let server: Server | undefined;

  beforeAll(async () => {
    server = await startServer(data.dir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.cleanup();
  });

  return {
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    async restartServer() {
      await server?.stop();
      server = await startServer(data.dir);
    },
  };
}

/** A real PNG (solid colour), built here so the test needs no fixture file. */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(Array(height).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
