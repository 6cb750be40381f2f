/**
 * Hours as the evidence version keeps them (`numeric(5,2)`): an exact decimal with two places, such
 * as "1.50". Inside the API they stay in this form; a float of hours exists only at the GraphQL edge,
 * and these are the only conversions, done in whole hundredths of an hour so no float rounding creeps in.
 */
export type DecimalHours = string;

/** Hours as typed into an input (at most two decimals, validated at the edge). */
export function decimalHoursFromHours(hours: number): DecimalHours {
  return fromHundredths(Math.round(hours * 100));
}

/** A whole number of minutes (a supervision session) in hours, to the nearest hundredth. */
export function decimalHoursFromMinutes(minutes: number): DecimalHours {
  // 5m/3 hundredths is never exactly halfway between two, so rounding it has no tie to break.
  return fromHundredths(Math.round((minutes * 5) / 3));
}

/** The float of hours GraphQL returns. */
export function hoursFromDecimal(hours: DecimalHours): number {
  return Number(hours);
}

function fromHundredths(hundredths: number): DecimalHours {
  const whole = Math.trunc(hundredths / 100);
  return `${whole}.${String(hundredths - whole * 100).padStart(2, '0')}`;
}
