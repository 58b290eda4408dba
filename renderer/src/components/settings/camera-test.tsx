// The Test button of one stream: main connects with the stream as the form stands (not saved)
// and says what it found; the answer reads as a tile would say it.
import { useState } from 'react';
import type { FieldError, Locale, Quality } from '../../contract';
import { useWallApi } from '../../api/api-context';
import { settingsText, verbErrorText } from '../../i18n/settings-words';
import { testErrorField } from './camera-form-fields';
import { cameraTestRequest, type CameraForm } from './camera-form-model';
import { testOutcomeWords, type TestWords } from './test-outcome-words';

export function CameraTest(props: {
  form: CameraForm;
  quality: Quality;
  locale: Locale;
  /** Field errors the test found in the form (shown by their fields). */
  onInvalid: (errors: FieldError[]) => void;
}) {
  const api = useWallApi();
  const { locale, quality } = props;
  const [running, setRunning] = useState(false);
  const [words, setWords] = useState<TestWords | null>(null);
  const run = async () => {
    const request = cameraTestRequest(props.form, quality);
    if (!request.ok) {
      props.onInvalid(request.errors);
      setWords({ ok: false, headline: settingsText(locale, 'test.invalid'), lines: [] });
      return;
    }
    setRunning(true);
    setWords(null);
    await api.staffStatus({ active: true });
    const result = await api.testCamera(request.value);
    setRunning(false);
    if (!result.ok) {
      setWords({ ok: false, headline: verbErrorText(result.error, locale), lines: [] });
      return;
    }
    if (!result.value.ok && result.value.state === 'invalid') {
      props.onInvalid(
        result.value.errors.map((e) => ({ ...e, field: testErrorField(e.field, quality) })),
      );
    } else props.onInvalid([]);
    setWords(testOutcomeWords(result.value, locale));
  };
  return (
    <div className="camera-test" data-testid={`camera-test-${quality}`}>
      <button
        type="button"
        data-testid={`test-${quality}`}
        disabled={running}
        onClick={() => void run()}
      >
        {settingsText(locale, quality === 'main' ? 'test.main' : 'test.sub')}
      </button>
      <div className="camera-test__result" role="status" aria-live="polite">
        {running && (
          <span className="camera-test__running">{settingsText(locale, 'test.running')}</span>
        )}
        {words && (
          <div
            className={`test-result test-result--${words.ok ? 'ok' : 'failed'}`}
            data-testid="test-result"
            data-ok={words.ok}
          >
            <strong>{words.headline}</strong>
            {words.lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
