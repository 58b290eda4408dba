// The centre's name, big enough to read from across the room, on a dark band at the bottom
// edge so it never covers the middle of the picture. Live is a small green mark, nothing more.
import type { TileWords } from '../status/status-words';

export function NameBand({ label, words }: { label: string; words: TileWords }) {
  return (
    <div className="name-band">
      <span className="name-band__label">{label}</span>
      {words.tone === 'ok' && (
        <span className="live-mark" role="img" aria-label={words.headline} title={words.headline} />
      )}
    </div>
  );
}
