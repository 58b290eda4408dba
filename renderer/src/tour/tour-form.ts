// What staff fill in to give a display a tour: which saved layouts it cycles (in the list's
// order) and how long each page shows. Pure, so the form's rules are tested without a page.
import {
  DEFAULT_TOUR_SECONDS,
  type DisplayChoice,
  type SavedLayout,
  type TourSpec,
} from '../contract';
import type { MessageKey } from '../i18n/message-keys';

export const MIN_TOUR_SECONDS = 3;
export const MAX_TOUR_SECONDS = 3600;

export interface TourForm {
  chosen: string[];
  seconds: string;
}

/**
 * The form as it opens: the display's own tour when it has one (a tour of its pages shows as
 * its layout ticked), else every layout ticked at the default period, one click from a tour.
 */
export function initialTourForm(
  choice: DisplayChoice | null,
  layouts: readonly Pick<SavedLayout, 'id'>[],
): TourForm {
  const tour = choice?.tour ?? null;
  if (!tour) return { chosen: layouts.map((l) => l.id), seconds: String(DEFAULT_TOUR_SECONDS) };
  const listed = tour.layoutIds.length > 0 ? tour.layoutIds : [choice!.layoutId];
  return {
    chosen: layouts.filter((l) => listed.includes(l.id)).map((l) => l.id),
    seconds: String(tour.seconds),
  };
}

export function toggleChosen(form: TourForm, layoutId: string): TourForm {
  const chosen = form.chosen.includes(layoutId)
    ? form.chosen.filter((id) => id !== layoutId)
    : [...form.chosen, layoutId];
  return { ...form, chosen };
}

/** The tour to save, or what staff must fix first (a message key). */
export function readTourForm(
  form: TourForm,
  layouts: readonly Pick<SavedLayout, 'id'>[],
): { ok: true; tour: TourSpec } | { ok: false; problem: MessageKey } {
  const layoutIds = layouts.filter((l) => form.chosen.includes(l.id)).map((l) => l.id);
  if (layoutIds.length === 0) return { ok: false, problem: 'tour.noneChosen' };
  const text = form.seconds.trim();
  const seconds = /^[0-9]{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= MIN_TOUR_SECONDS && seconds <= MAX_TOUR_SECONDS)) {
    return { ok: false, problem: 'tour.badSeconds' };
  }
  return { ok: true, tour: { seconds, layoutIds } };
}
