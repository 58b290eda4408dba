// A thin line along the bottom edge that fills as the tour's step runs out. It is drawn by a
// CSS transition from where the step stands to its end, so nothing ticks or blinks; paused,
// it stands still where it was.
import { DEFAULT_LOCALE } from '../contract';
import { translate } from '../i18n/translate';
import { useApp } from '../store/app-store';
import { progress, remainingMs } from '../tour/tour-schedule';

export function TourProgress({ seconds }: { seconds: number }) {
  const clock = useApp((s) => s.tourClock);
  const locale = useApp((s) => s.snapshot?.locale ?? DEFAULT_LOCALE);
  if (clock === null) return null;
  const durationMs = seconds * 1000;
  const paused = clock.pausedAt !== null;
  return (
    <div
      className={`tour-progress${paused ? ' tour-progress--paused' : ''}`}
      data-testid="tour-progress"
      data-paused={paused}
      data-step={clock.step}
      title={translate(locale, paused ? 'tour.paused' : 'tour.running')}
    >
      <div
        key={`${clock.step}:${clock.startedAt}:${clock.pausedAt ?? ''}`}
        className="tour-progress__bar"
        ref={(bar) => {
          if (!bar) return;
          const now = Date.now();
          bar.style.transitionDuration = '0ms';
          bar.style.transform = `scaleX(${progress(clock, durationMs, now)})`;
          if (paused) return;
          const left = remainingMs(clock, durationMs, now);
          // Next frame: run from here to the end in the time that is left.
          requestAnimationFrame(() => {
            bar.style.transitionDuration = `${left}ms`;
            bar.style.transform = 'scaleX(1)';
          });
        }}
      />
      {paused && <span className="tour-progress__word">{translate(locale, 'tour.paused')}</span>}
    </div>
  );
}
