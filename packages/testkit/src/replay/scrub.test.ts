import { describe, expect, it } from 'vitest';
import { ORIGIN_PLACEHOLDER } from './fixtures.ts';
import { derivedSecrets, Scrubber } from './scrub.ts';

const origin = 'http://127.0.0.1:4321';

describe('Scrubber', () => {
  const scrubber = new Scrubber(['s3cr3t value', 'tok-9'], origin);

  it('scrubs secrets as written, URL-encoded, form-encoded and JSON-escaped, and replaces the origin', () => {
    expect(scrubber.text(`${origin}/x?key=s3cr3t%20value&t=tok-9`)).toBe(
      `${ORIGIN_PLACEHOLDER}/x?key=***&t=***`,
    );
    expect(scrubber.text('a=s3cr3t+value')).toBe('a=***');
    expect(scrubber.text(JSON.stringify({ next: `${origin}/p2`, secret: 's3cr3t value' }))).toBe(
      `{"next":"${ORIGIN_PLACEHOLDER}/p2","secret":"***"}`,
    );
    expect(scrubber.text(`redirect=${encodeURIComponent(`${origin}/cb`)}`)).toBe(
      `redirect=${encodeURIComponent(`${ORIGIN_PLACEHOLDER}/cb`)}`,
    );
  });

  it('keeps the shape of credential headers whose secret is known, and blanks the others', () => {
    expect(scrubber.header('authorization', 'Bearer tok-9')).toBe('Bearer ***');
    const basic = `Basic ${Buffer.from('ada:s3cr3t value').toString('base64')}`;
    expect(scrubber.header('authorization', basic)).toBe(
      `Basic ${Buffer.from('ada:***').toString('base64')}`,
    );
    expect(scrubber.header('authorization', 'Bearer something-unknown')).toBe('***');
    expect(scrubber.header('cookie', 'sid=abc')).toBe('***');
    expect(scrubber.header('x-trace', 'tok-9/1')).toBe('***/1');
    expect(scrubber.header('accept', 'application/json')).toBe('application/json');
  });

  it('scrubs every string of a JSON value', () => {
    expect(scrubber.json({ a: ['tok-9', 1, null], b: { c: `${origin}/x` } })).toEqual({
      a: ['***', 1, null],
      b: { c: `${ORIGIN_PLACEHOLDER}/x` },
    });
  });
});

describe('derivedSecrets', () => {
  it('collects tokens and cookies obtained at run time from credential headers', () => {
    const found = derivedSecrets([
      {
        request: {
          headers: {
            authorization: 'Bearer access-token-123',
            cookie: 'sid=session-456; theme=dark',
          },
        },
        response: { headers: { 'set-cookie': 'sid=session-789; Path=/; HttpOnly, lang=en-GB-x' } },
      },
      { request: { headers: { authorization: 'Basic YWRhOnB3' } }, response: { headers: {} } },
    ]);
    expect(found.sort()).toEqual(['access-token-123', 'en-GB-x', 'session-456', 'session-789']);
  });
});
