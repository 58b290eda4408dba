// The settings as the staff screens hold them while open: loaded once, replaced by main's
// answer to every change. A change answers with field errors (nothing saved) or a words-ready
// refusal; each call marks staff activity first, which keeps the unlock alive while staff work.
import { useCallback, useEffect, useState } from 'react';
import type {
  FieldError,
  Locale,
  Result,
  SettingsChange,
  SettingsView,
  WallApi,
} from '../contract';
import { verbErrorText } from '../i18n/settings-words';

export type ChangeOutcome =
  | { ok: true; settings: SettingsView }
  | { ok: false; errors: FieldError[]; refusal: string | null };

export interface SettingsHandle {
  settings: SettingsView | null;
  loadError: string | null;
  /** Runs one change verb and takes its new settings; never throws. */
  change(call: (api: WallApi) => Promise<Result<SettingsChange>>): Promise<ChangeOutcome>;
  /** Takes settings main answered with outside a change (moving secrets to the vault). */
  replace(settings: SettingsView): void;
}

/** Main's answer to a change, as the screens use it (pure, unit-tested). */
export function changeOutcome(result: Result<SettingsChange>, locale: Locale): ChangeOutcome {
  if (!result.ok) return { ok: false, errors: [], refusal: verbErrorText(result.error, locale) };
  if (!result.value.saved) return { ok: false, errors: result.value.errors, refusal: null };
  return { ok: true, settings: result.value.settings };
}

export function useSettings(api: WallApi, locale: Locale): SettingsHandle {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.getSettings().then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.value);
      else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const change = useCallback(
    async (call: (api: WallApi) => Promise<Result<SettingsChange>>) => {
      await api.staffStatus({ active: true });
      const outcome = changeOutcome(await call(api), locale);
      if (outcome.ok) setSettings(outcome.settings);
      return outcome;
    },
    [api, locale],
  );
  return { settings, loadError, change, replace: setSettings };
}
