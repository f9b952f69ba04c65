import { describe, expect, it } from 'vitest';
import { datetimeFormat } from './datetime.ts';

describe('datetime cursor formats', () => {
  it('reads and writes ISO 8601, strftime-like patterns with offsets and fractions, and epochs', () => {
    const at = Date.UTC(2024, 4, 1, 10, 30, 15, 250);
    expect(datetimeFormat().parse('2024-05-01T10:30:15.250Z')).toBe(at);
    expect(datetimeFormat().format(Date.UTC(2024, 4, 1))).toBe('2024-05-01T00:00:00Z');
    const salesforce = datetimeFormat('%Y-%m-%dT%H:%M:%S.%f%z');
    expect(salesforce.parse('2024-05-01T12:30:15.250000+0200')).toBe(at);
    expect(salesforce.format(at)).toBe('2024-05-01T10:30:15.250000+0000');
    const odoo = datetimeFormat('%Y-%m-%d %H:%M:%S');
    expect(odoo.parse('2024-05-01 10:30:15')).toBe(at - 250);
    expect(odoo.parse('01/05/2024')).toBeUndefined();
    expect(datetimeFormat('%s').parse('1714559415')).toBe(1714559415000);
    expect(datetimeFormat('%ms').format(at)).toBe(at);
  });
});
