// The state in words over a tile that is not live: amber while connecting, red and large when
// the signal is lost or the stream fails (with since when), grey and calm when no camera is
// expected. The headline is for the room; the cause under it is for staff and IT.
import type { TileWords } from '../status/status-words';

export function StatusOverlay({ words }: { words: TileWords }) {
  return (
    <div className={`status status--${words.tone}`} role="status">
      <div className="status__headline">{words.headline}</div>
      {words.since !== null && (
        <div className="status__since" data-testid="tile-since">
          {words.since}
        </div>
      )}
      {words.cause !== null && <div className="status__cause">{words.cause}</div>}
      {words.detail !== null && <div className="status__detail">{words.detail}</div>}
    </div>
  );
}
