// The PC check for IT: what the last check measured on this PC (codecs, tiles at full frame rate,
// the display), what main reads now (free disk, the clock), and a button to check again.
import { useEffect } from 'react';
import type { CodecSupport, Locale, PcCheckReport, WallApi } from '../../contract';
import { translate } from '../../i18n/translate';
import { formatBytes, formatInstant, fullDateTime } from '../../health/health-words';
import { usePcCheck } from '../../health/pc-check-store';
import { loadPcCheck, runPcCheck } from '../../health/run-pc-check';
import { useApp } from '../../store/app-store';

function yesNo(value: boolean | null, locale: Locale): string {
  return translate(locale, value === null ? 'pc.unknown' : value ? 'pc.yes' : 'pc.no');
}

function codecLine(codec: string, support: CodecSupport, locale: Locale): string {
  return translate(locale, 'pc.codec', {
    codec,
    mse: yesNo(support.mse, locale),
    webCodecs: yesNo(support.webCodecs, locale),
  });
}

function Facts({ report, locale, zone }: { report: PcCheckReport; locale: Locale; zone: string }) {
  const { disk, clock } = report;
  const time = fullDateTime(clock.now, zone);
  const clockWords =
    clock.problem === 'before-release'
      ? translate(locale, 'pc.clockBeforeRelease', { time })
      : clock.problem === 'behind-log'
        ? translate(locale, 'pc.clockBehindLog', {
            time,
            last: fullDateTime(clock.lastLogEntry ?? clock.now, zone),
          })
        : translate(locale, 'pc.clockOk', { time });
  return (
    <>
      <li data-testid="pc-disk">
        {disk.freeBytes !== null
          ? translate(locale, 'pc.disk', { free: formatBytes(disk.freeBytes, locale) })
          : translate(locale, 'pc.diskUnknown', { error: disk.error ?? '' })}
      </li>
      <li data-testid="pc-clock" className={clock.problem ? 'panel__error' : undefined}>
        {clockWords}
      </li>
    </>
  );
}

export function PcCheckPanel(props: { api: WallApi; locale: Locale; zone: string }) {
  const { api, locale, zone } = props;
  const report = usePcCheck((s) => s.report);
  const running = usePcCheck((s) => s.runningTiles);
  const error = usePcCheck((s) => s.error);
  const gatewayBase = useApp((s) => s.snapshot?.gatewayBase ?? '');
  const displayId = useApp((s) => s.display.id);
  // Read again on opening: the disk and the clock now, and a check another window ran.
  useEffect(() => void loadPcCheck(api), [api]);
  const check = report?.renderer ?? null;
  const d = check?.decode;
  return (
    <section className="status-view__section" data-testid="pc-check">
      <h3>{translate(locale, 'pc.title')}</h3>
      <ul className="pc-check__facts">
        {check === null && <li>{translate(locale, 'pc.never')}</li>}
        {check !== null && d && (
          <>
            <li>
              {translate(locale, 'pc.measuredAt', {
                time: formatInstant(check.measuredAt, report?.clock.now ?? check.measuredAt, zone),
              })}
            </li>
            <li>{codecLine('H.264', check.codecs.h264, locale)}</li>
            <li>{codecLine('H.265', check.codecs.h265, locale)}</li>
            <li data-testid="pc-tiles" data-tiles={d.tiles}>
              {translate(locale, 'pc.tiles', {
                fps: d.clip.fps,
                tiles: d.tiles,
                width: d.clip.width,
                height: d.clip.height,
                wall: d.wallPlayers,
              })}
            </li>
            {d.steps.length > 0 && (
              <li data-testid="pc-steps">
                {translate(locale, 'pc.steps', {
                  steps: d.steps
                    .map((step) =>
                      translate(locale, 'pc.step', {
                        tiles: step.tiles,
                        fps: step.slowestFps.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB'),
                      }),
                    )
                    .join(' · '),
                })}
              </li>
            )}
            {d.stoppedBy !== null && (
              <li>{translate(locale, 'pc.stopped', { reason: d.stoppedBy })}</li>
            )}
            <li>
              {translate(locale, 'pc.display', {
                width: Math.round(check.display.width * check.display.scale),
                height: Math.round(check.display.height * check.display.scale),
                scale: check.display.scale,
              })}
              {' — '}
              {translate(locale, 'pc.displaysNote')}
            </li>
          </>
        )}
        {report !== null && <Facts report={report} locale={locale} zone={zone} />}
      </ul>
      {error !== null && (
        <p className="panel__error">{translate(locale, 'action.failed', { error })}</p>
      )}
      <div className="panel__row">
        <button
          type="button"
          data-testid="pc-check-run"
          disabled={running !== null || gatewayBase === ''}
          onClick={() => void runPcCheck(api, { gatewayBase, displayId })}
        >
          {running !== null
            ? translate(locale, 'pc.running', { tiles: running })
            : translate(locale, 'pc.run')}
        </button>
      </div>
    </section>
  );
}
