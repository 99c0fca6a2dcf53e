import { DEFAULT_SETTINGS, withReviewIntervals, type PartialReviewIntervals, type Settings } from './settings.js';

/** The calendar a profile counts working days in when it names none. */
export const DEFAULT_CALENDAR = 'england-and-wales';

/** What a profile may set: the timescales and targets of Settings, not how to read extracts nor an authority's own indicators. */
export type ProfileSettings = Partial<Omit<Settings, 'extracts' | 'indicators' | 'visitIntervals' | 'reviewIntervals'>> & {
  /** Visit intervals for the plan types the profile changes. */
  readonly visitIntervals?: Partial<Settings['visitIntervals']>;
  /** Review intervals for the reviews the profile changes. */
  readonly reviewIntervals?: PartialReviewIntervals;
};

/** A jurisdiction's timescales and targets, which a config extends. */
export interface Profile {
  /** The name a config's `profile` key gives. */
  readonly name: string;
  /** One line: whose rules these are. */
  readonly description: string;
  /** The built-in working-day calendar, when not the default one. */
  readonly calendar?: string;
  /** What the profile sets over DEFAULT_SETTINGS; rate targets as fractions, like Settings. */
  readonly settings: ProfileSettings;
}

/** The built-in profiles; every value a profile sets says where the source says it. */
export const PROFILES = {
  // England: the statutory timescales and plan targets the defaults already hold.
  england: {
    name: 'england',
    description: 'England: Working Together, the Care Planning Regulations, the England and Wales bank holidays',
    settings: {},
  },
  jersey: {
    name: 'jersey',
    description: "Jersey: the 2018 children's services improvement plan, Jersey bank holidays (with Liberation Day)",
    // indicators.md "Working day": the `jersey` calendar (England and Wales days plus Liberation Day, 9 May).
    calendar: 'jersey',
    settings: {
      // The Jersey plan: supervision at most six-weekly (6 × 7 = 42 calendar days; the same as England's default, set here because the plan says it).
      supervisionDays: 42,
      // The Jersey plan: management oversight monthly. Settings count days, so a month is read as 31 calendar days,
      // the longest month: oversight on the same date each month is never late (at most 3 days' grace after February).
      oversightDays: 31,
    },
  },
} as const satisfies Readonly<Record<string, Profile>>;

/** A built-in profile's name. */
export type ProfileName = keyof typeof PROFILES;

/** The profile in force when neither the config nor the caller names one. */
export const DEFAULT_PROFILE: ProfileName = 'england';

/** The profiles' names, in the order they are listed. */
export const PROFILE_NAMES: readonly ProfileName[] = Object.keys(PROFILES) as ProfileName[];

/** The built-in profile with this name, if any. */
export function findProfile(name: string): Profile | undefined {
  return Object.hasOwn(PROFILES, name) ? PROFILES[name as ProfileName] : undefined;
}

/** The settings a profile starts a run from: DEFAULT_SETTINGS with what the profile sets. */
export function profileBase(profile: Profile): Settings {
  const { visitIntervals, reviewIntervals, targets, ...rest } = profile.settings;
  return {
    ...DEFAULT_SETTINGS,
    ...rest,
    visitIntervals: { ...DEFAULT_SETTINGS.visitIntervals, ...visitIntervals },
    reviewIntervals: withReviewIntervals(DEFAULT_SETTINGS.reviewIntervals, reviewIntervals),
    targets: { ...DEFAULT_SETTINGS.targets, ...targets },
  };
}
