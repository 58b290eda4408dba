// The loopback gateway refuses every request that is not the app's own: wrong secret,
// foreign Origin, or a Host other than 127.0.0.1/localhost (DNS rebinding). It answers 403
// and sends no byte of video.
import { expect } from '@playwright/test';
import { test } from './support/guarded-test';
import http from 'node:http';
import { startPreview, type StartedPreview } from './support/preview-fixture';

let preview: StartedPreview;

test.beforeAll(async () => {
  preview = await startPreview(null); // the demo wall: its feeds need no outside server
});
test.afterAll(async () => preview?.host.close());

interface UpgradeAnswer {
  status: number;
  bodyBytes: number;
}

function tryUpgrade(path: string, headers: Record<string, string>): Promise<UpgradeAnswer> {
  const port = preview.host.service.gateway.listeningPort;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, bodyBytes: 0 });
    });
    request.on('response', (response) => {
      let bodyBytes = 0;
      response.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bodyBytes }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('the gateway refuses a wrong secret, a foreign Origin and a foreign Host', async () => {
  const { gateway } = preview.host.service;
  const good = new URL(gateway.baseUrl);
  const goodPath = `${good.pathname}/huyen-quay-1/sub.flv`;
  const origin = preview.host.origin;
  const host = `127.0.0.1:${gateway.listeningPort}`;

  // The right request is accepted (so the refusals below are about the checks).
  expect((await tryUpgrade(goodPath, { Origin: origin, Host: host })).status).toBe(101);

  const wrongSecret = goodPath.replace(/\/[0-9a-f]{64}\//, `/${'0'.repeat(64)}/`);
  const cases: [string, string, Record<string, string>][] = [
    ['wrong secret', wrongSecret, { Origin: origin, Host: host }],
    ['no secret', '/live/huyen-quay-1/sub.flv', { Origin: origin, Host: host }],
    ['foreign Origin', goodPath, { Origin: 'http://evil.example', Host: host }],
    ['no Origin', goodPath, { Host: host }],
    ['Host evil.example', goodPath, { Origin: origin, Host: 'evil.example' }],
  ];
  for (const [name, path, headers] of cases) {
    const answer = await tryUpgrade(path, headers);
    expect(answer.status, name).toBe(403);
    expect(answer.bodyBytes, name).toBe(0);
  }
  // Each kind of refusal is logged (repeats of a kind within a minute are summed up later, so
  // a local flood cannot push the wall's history out of its log).
  const refusals = preview.logLines.filter((l) => l.includes('gateway: refused 403'));
  for (const kind of [/secret/, /Origin/, /Host/]) {
    expect(
      refusals.some((line) => kind.test(line)),
      String(kind),
    ).toBe(true);
  }
  // The log names the reason but never repeats the secret.
  expect(refusals.join('\n')).not.toContain(new URL(gateway.baseUrl).pathname.split('/')[1]);
});

test('a page from another origin cannot open a stream, even with the secret', async ({ page }) => {
  const other = http.createServer((_req, res) => res.end('<!doctype html><title>other</title>'));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
  const port = (other.address() as { port: number }).port;
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const url = `${preview.host.service.gateway.baseUrl}/huyen-quay-1/sub.flv`;
    const outcome = await page.evaluate(
      (streamUrl) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(streamUrl);
          socket.binaryType = 'arraybuffer';
          socket.onmessage = () => resolve('received video');
          socket.onerror = () => resolve('refused');
          setTimeout(() => resolve('timeout'), 10_000);
        }),
      url,
    );
    expect(outcome).toBe('refused');
  } finally {
    other.close();
  }
});

test('plain HTTP to the gateway gets 403 and no CORS header', async () => {
  const port = preview.host.service.gateway.listeningPort;
  const response = await fetch(
    `http://127.0.0.1:${port}${new URL(preview.host.service.gateway.baseUrl).pathname}/huyen-quay-1/sub.flv`,
    {
      headers: { Origin: preview.host.origin },
    },
  );
  expect(response.status).toBe(403);
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
});
