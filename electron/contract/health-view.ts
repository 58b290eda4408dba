// What the status view shows: every centre with its cameras, how each stands and since when,
// and its availability during office hours. Availability is a fraction 0…1, or null when no
// office-hours time was counted yet (a new install, a weekend).

export interface AvailabilityWindows {
  today: number | null;
  week: number | null;
  month: number | null;
}

export interface DayBar {
  /** Local date, 'YYYY-MM-DD', in the schedule's time zone. */
  date: string;
  availability: number | null;
}

export interface CameraHealthView {
  cameraId: string;
  /** The health log's state name ('live', 'auth-failed', 'unwatched', …), or null if never seen. */
  state: string | null;
  since: number | null;
  reason: string | null;
  availability: AvailabilityWindows;
  /** The latest outage this month during office hours (ongoing: end null), or null. */
  lastOutage: { start: number; end: number | null; state: string } | null;
}

export interface SiteHealthView {
  siteId: string;
  cameras: CameraHealthView[];
  availability: AvailabilityWindows;
  /** Every camera in service is down now. */
  down: boolean;
  downSince: number | null;
  /** The last seven local days, oldest first. */
  days: DayBar[];
}

export interface HealthSummary {
  generatedAt: number;
  timeZone: string;
  sites: SiteHealthView[];
  /** Bytes main holds for instant replay now (bounded per stream by the replay length). */
  replayMemoryBytes?: number;
}

/** The CSV export for a date range: two tables, UTF-8 with a BOM, as Excel opens them. */
export interface HealthCsv {
  outages: string;
  daily: string;
}

export interface HealthCsvRequest {
  /** Local dates 'YYYY-MM-DD', inclusive. */
  first: string;
  last: string;
  locale?: 'vi' | 'en';
}
