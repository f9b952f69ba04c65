/**
 * Salesforce record ids: 15 case-sensitive characters (a 3-character key prefix such as 001 for
 * Account, then instance and record digits) and the 3-character case-insensitive suffix that
 * makes the 18-character form returned by the REST API (as in the examples of
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert.htm).
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character id of the nth record (n >= 0) with this key prefix. */
export function salesforceId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  // '5g' stands for the instance, '0' for the reserved character
  const id15 = `${prefix}5g0${digits}`;
  return id15 + checksum(id15);
}

/** The 3-character suffix: one bit per upper-case letter in each 5-character chunk. */
export function checksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15[chunk * 5 + j] ?? '';
      if (c >= 'A' && c <= 'Z') bits |= 1 << j;
    }
    out += SUFFIX[bits];
  }
  return out;
}
