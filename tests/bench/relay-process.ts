// Child process: our broker and loopback gateway alone (no browser, no renderer), relaying
// WS-FLV sessions from the media server. argv[2]: JSON {"secret", "streams": {id: wsUrl}}.
// Prints {"base": gatewayBaseUrl, "origin": allowedOrigin} when listening.
import { LoopbackGateway } from '../../electron/gateway/loopback-gateway';
import { createWsFlvSource } from '../../electron/streams/protocols/ws-flv/ws-flv-source';
import { StreamBroker } from '../../electron/streams/core/stream-broker';

const ORIGIN = 'http://127.0.0.1:9';

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as {
    secret: string;
    streams: Record<string, string>;
  };
  const broker = new StreamBroker({
    resolve: (cameraId) => {
      const url = config.streams[cameraId];
      if (!url) return { error: `no stream ${cameraId}` };
      return {
        label: cameraId,
        factory: createWsFlvSource({
          url,
          auth: { type: 'nms-sign', secret: config.secret },
          label: cameraId,
        }),
      };
    },
    onStatus: () => undefined,
    log: () => undefined,
  });
  const gateway = new LoopbackGateway({ broker, allowedOrigins: () => [ORIGIN], log: () => {} });
  await gateway.listen();
  process.stdout.write(`${JSON.stringify({ base: gateway.baseUrl, origin: ORIGIN })}\n`);
  const stop = () => {
    broker.close();
    void gateway.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

void main();
