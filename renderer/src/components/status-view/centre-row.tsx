// One centre in the status view: its name and state (in the tiles' words, since when), each
// camera on its own line when it has several or one is not live, the latest outage and how long
// it lasted, the three availability figures and the seven-day bars.
import type { CameraHealthView, Locale, SiteHealthView } from '../../contract';
import { translate } from '../../i18n/translate';
import {
  formatDuration,
  formatInstant,
  formatShare,
  formatSince,
  healthStateWords,
} from '../../health/health-words';
import { DayBars } from './day-bars';

interface Names {
  site: string;
  camera: (cameraId: string) => string;
}

function CameraLine(props: {
  camera: CameraHealthView;
  name: string | null;
  now: number;
  zone: string;
  locale: Locale;
}) {
  const { camera, now, zone, locale } = props;
  const words = healthStateWords(camera.state, locale);
  const since =
    camera.since !== null && words.tone !== 'ok'
      ? ` · ${formatSince(camera.since, now, zone, locale)} (${formatDuration(now - camera.since, locale)})`
      : '';
  const last = camera.lastOutage;
  return (
    <div className="centre__camera" data-testid="status-camera" data-camera-id={camera.cameraId}>
      <span className={`centre__state centre__state--${words.tone}`}>
        {props.name !== null && <strong>{props.name}: </strong>}
        {words.text}
        {since}
      </span>
      {last !== null && last.end !== null && (
        <span className="centre__last" data-testid="last-outage">
          {translate(locale, 'health.lastOutage', {
            start: formatInstant(last.start, now, zone),
            end: formatInstant(last.end, now, zone),
            duration: formatDuration(last.end - last.start, locale, 'seconds'),
          })}
        </span>
      )}
    </div>
  );
}

export function CentreRow(props: {
  site: SiteHealthView;
  names: Names;
  now: number;
  zone: string;
  locale: Locale;
}) {
  const { site, names, now, zone, locale } = props;
  const many = site.cameras.length > 1;
  return (
    <tr
      className={`centre${site.down ? ' centre--down' : ''}`}
      data-testid="status-centre"
      data-site-id={site.siteId}
    >
      <th scope="row" className="centre__name">
        {names.site}
      </th>
      <td>
        {site.down && site.downSince !== null && (
          <div className="centre__state centre__state--alarm centre__down">
            {translate(locale, 'health.centreDown')} ·{' '}
            {formatSince(site.downSince, now, zone, locale)} (
            {formatDuration(now - site.downSince, locale)})
          </div>
        )}
        {site.cameras.map((camera) => (
          <CameraLine
            key={camera.cameraId}
            camera={camera}
            name={many ? names.camera(camera.cameraId) : null}
            now={now}
            zone={zone}
            locale={locale}
          />
        ))}
        {site.cameras.length === 0 && (
          <span className="centre__state centre__state--calm">
            {translate(locale, 'state.notInstalled')}
          </span>
        )}
      </td>
      <td className="centre__figure">{formatShare(site.availability.today, locale)}</td>
      <td className="centre__figure">{formatShare(site.availability.week, locale)}</td>
      <td className="centre__figure">{formatShare(site.availability.month, locale)}</td>
      <td>
        <DayBars days={site.days} locale={locale} />
      </td>
    </tr>
  );
}
