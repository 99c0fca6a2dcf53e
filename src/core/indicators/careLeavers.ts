import { listedValueRate } from './listedValueRate.js';
import { shapeIndicator } from './shapes.js';
import type { IndicatorDefinition } from './types.js';

/** The default target of the three care-leaver rates (catalogue.md `care-leavers-in-touch` / `-eet` / `-suitable-accommodation`, WS 66). */
export const CARE_LEAVER_TARGET = 0.9;

/**
 * Activities that are education, employment or training (catalogue.md
 * "Care leavers"): the word EET, or the SSDA903 codes for them, full-time
 * (F) and part-time (P). NEET, G4-G6 and 0 are not.
 */
export const EET_ACTIVITIES = ['EET', 'F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'] as const;

/** The cohort the three rates share: care-leaver contacts dated in the period. */
const CARE_LEAVER_CONTACTS = { direction: 'higher', extract: 'careleavers', date: 'contact_date' } as const;

/** One of the three care-leaver rates, at their shared target. */
function careLeaverRate(indicator: IndicatorDefinition): IndicatorDefinition {
  return { ...indicator, definition: `${indicator.definition}; one record per contact, so a care leaver contacted twice is two`, defaultTarget: CARE_LEAVER_TARGET };
}

export const careLeaversInTouch = careLeaverRate(
  shapeIndicator({ ...CARE_LEAVER_CONTACTS, id: 'care-leavers-in-touch', title: 'Care leavers in touch', shape: 'flag', flag: 'in_touch', label: 'in touch' }),
);

export const careLeaversEet = careLeaverRate(
  listedValueRate({ ...CARE_LEAVER_CONTACTS, id: 'care-leavers-eet', title: 'Care leavers in education, employment or training', column: 'activity', values: EET_ACTIVITIES, meaning: 'EET' }),
);

export const careLeaversSuitableAccommodation = careLeaverRate(
  shapeIndicator({
    ...CARE_LEAVER_CONTACTS,
    id: 'care-leavers-suitable-accommodation',
    title: 'Care leavers in suitable accommodation',
    shape: 'flag',
    flag: 'accommodation_suitable',
    label: 'accommodation suitable',
  }),
);
