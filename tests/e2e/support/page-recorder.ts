// Records what a page exchanges and shows while a test drives it, and looks for secrets in it
// as it goes: every WebSocket frame both ways (the contract's socket and the stream sockets),
// every request URL, console messages and page errors, and on demand the DOM (text and
// attributes), form values and the page's storage. Frames are scanned as they pass, so hours of
// video frames are never kept.
import type { BrowserContext, Page } from '@playwright/test';
import { findIn, withoutTypedSecrets, type Finding, type Needle } from './secret-scan';

export interface PageRecord {
  findings: Finding[];
  /** How many frames, requests, console lines and DOM looks were scanned (a scan of nothing proves nothing). */
  counts: {
    framesSent: number;
    framesReceived: number;
    textFramesReceived: number;
    requests: number;
    console: number;
    domLooks: number;
  };
  /** Secret fields the page sent to main (what staff typed, as it must travel once). */
  typedSecretsSent: number;
  /** Frames the page sent that held a secret before those fields were taken out: the scan sees them. */
  framesWithSecretsSent: number;
  socketUrls: string[];
  /** Scans the DOM, form values and storage now; `where` names the moment. */
  look(where: string): Promise<void>;
  /** Resolves at the next text frame from the host that contains `text`. */
  nextReceived(text: string): Promise<void>;
}

/** What a page holds right now, read inside it; a password input's typed value is left out. */
async function pageState(page: Page): Promise<{ html: string; values: string; storage: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    // A password field holds what staff are typing (React mirrors it into the attribute);
    // it reaches main only when sent, which the frames show.
    for (const input of clone.querySelectorAll('input[type="password"]')) {
      input.removeAttribute('value');
    }
    const values = [...document.querySelectorAll('input, textarea, select')]
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'password'))
      .map((el) => (el as HTMLInputElement).value)
      .join('\n');
    const dump = (storage: Storage) =>
      Object.keys(storage)
        .map((key) => `${key}=${storage.getItem(key)}`)
        .join('\n');
    return {
      html: `${document.title}\n${location.href}\n${clone.outerHTML}`,
      values,
      storage: `${dump(localStorage)}\n${dump(sessionStorage)}`,
    };
  });
}

export function recordPage(
  page: Page,
  context: BrowserContext,
  needles: readonly Needle[],
): PageRecord {
  const record: PageRecord = {
    findings: [],
    counts: {
      framesSent: 0,
      framesReceived: 0,
      textFramesReceived: 0,
      requests: 0,
      console: 0,
      domLooks: 0,
    },
    typedSecretsSent: 0,
    framesWithSecretsSent: 0,
    socketUrls: [],
    async look(where) {
      const state = await pageState(page);
      record.counts.domLooks += 1;
      record.findings.push(
        ...findIn(`DOM at ${where}`, state.html, needles),
        ...findIn(`form values at ${where}`, state.values, needles),
        ...findIn(`storage at ${where}`, state.storage, needles),
      );
      const cookies = JSON.stringify(await context.cookies());
      record.findings.push(...findIn(`cookies at ${where}`, cookies, needles));
    },
    nextReceived: () => Promise.resolve(),
  };
  const waiting: { text: string; resolve: () => void }[] = [];
  record.nextReceived = (text) => new Promise<void>((resolve) => waiting.push({ text, resolve }));
  const scan = (where: string, text: string) =>
    record.findings.push(...findIn(where, text, needles));

  page.on('websocket', (socket) => {
    const url = socket.url();
    record.socketUrls.push(url);
    scan('WebSocket URL', url);
    const name = new URL(url).pathname.startsWith('/api/') ? 'API socket' : `stream socket`;
    socket.on('framesent', ({ payload }) => {
      record.counts.framesSent += 1;
      const text = typeof payload === 'string' ? payload : payload.toString('latin1');
      if (findIn('', text, needles).length > 0) record.framesWithSecretsSent += 1;
      const { rest, removed } = withoutTypedSecrets(text);
      record.typedSecretsSent += removed;
      scan(`${name} frame sent (typed secrets taken out)`, rest);
    });
    socket.on('framereceived', ({ payload }) => {
      record.counts.framesReceived += 1;
      if (typeof payload === 'string') record.counts.textFramesReceived += 1;
      const text = typeof payload === 'string' ? payload : payload.toString('latin1');
      scan(`${name} frame received`, text);
      if (typeof payload !== 'string') return;
      for (const wait of waiting.filter((w) => payload.includes(w.text))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    });
  });
  page.on('request', (request) => {
    record.counts.requests += 1;
    scan('request URL', request.url());
    const body = request.postData();
    if (body) scan(`request body of ${request.url()}`, body);
  });
  page.on('console', (message) => {
    record.counts.console += 1;
    scan('console', message.text());
  });
  page.on('pageerror', (error) => scan('page error', `${error.message}\n${error.stack ?? ''}`));
  return record;
}
