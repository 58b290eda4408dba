// The line under a settings screen that says what the last action did, and the badge that
// says where a centre or camera comes from (IT's file: read-only here; or this PC).
import { useCallback, useState } from 'react';
import type { Locale, SettingsOrigin } from '../../contract';
import { settingsText } from '../../i18n/settings-words';

export interface Line {
  text: string;
  tone: 'ok' | 'error';
}

export function useStatusLine() {
  const [line, setLine] = useState<Line | null>(null);
  const show = useCallback((text: string, tone: Line['tone']) => setLine({ text, tone }), []);
  const clear = useCallback(() => setLine(null), []);
  return { line, show, clear };
}

export function StatusLine({ line }: { line: Line | null }) {
  return (
    <p
      className={`settings-status${line ? ` settings-status--${line.tone}` : ''}`}
      role="status"
      data-testid="settings-status"
    >
      {line?.text ?? ''}
    </p>
  );
}

export function OriginBadge(props: { origin: SettingsOrigin; locale: Locale; configFile: string }) {
  const file = props.origin === 'file';
  return (
    <span
      className={`origin origin--${props.origin}`}
      data-testid="origin"
      title={file ? settingsText(props.locale, 'fromFile', { file: props.configFile }) : undefined}
    >
      {settingsText(props.locale, file ? 'badgeFile' : 'badgeLocal')}
    </span>
  );
}

/** Said once above a read-only form: why it cannot be typed in, and who can change it. */
export function FromFileNote(props: { locale: Locale; configFile: string | null }) {
  return (
    <p className="from-file" data-testid="from-file">
      {settingsText(props.locale, 'fromFile', { file: props.configFile ?? '' })}
    </p>
  );
}
