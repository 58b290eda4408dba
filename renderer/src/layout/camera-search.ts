// Finding a centre by name the way staff type it: with or without Vietnamese diacritics, any
// case ("cam vu" finds "Cẩm Vũ"). NFD strips the tone and vowel marks; đ/Đ is a letter of its
// own, not a d with a mark, so it is mapped by hand.
import type { CameraView, SiteView } from '../contract';

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CameraChoice {
  id: string;
  label: string;
}

/** Cameras whose centre or camera name holds every word of the query, in configuration order. */
export function searchCameras(
  query: string,
  sites: readonly SiteView[],
  cameras: readonly CameraView[],
): CameraChoice[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return cameras.flatMap((camera) => {
    const site = sites.find((s) => s.id === camera.siteId);
    const label = site ? `${site.name} · ${camera.name}` : camera.name;
    const haystack = foldVietnamese(`${label} ${site?.shortName ?? ''} ${camera.id}`);
    return words.every((w) => haystack.includes(w)) ? [{ id: camera.id, label }] : [];
  });
}
