import { createHmac } from 'node:crypto';

/** Hex digits kept: 64 bits, so two children collide only beyond billions of IDs. */
const PSEUDONYM_HEX_DIGITS = 16;

/**
 * A child ID replaced by `P` and the first 16 hex digits of
 * HMAC-SHA-256(key, id): the same for the same key, and reversible only by
 * someone who holds both the key and the real IDs to hash and compare.
 */
export function pseudonymise(key: string, childId: string): string {
  return `P${createHmac('sha256', key).update(childId).digest('hex').slice(0, PSEUDONYM_HEX_DIGITS)}`;
}

const PSEUDONYM = new RegExp(`^P[0-9a-f]{${PSEUDONYM_HEX_DIGITS}}$`);

/** Whether an ID has the form `pseudonymise` gives (a sample drawn with a key). */
export function isPseudonym(id: string): boolean {
  return PSEUDONYM.test(id);
}
