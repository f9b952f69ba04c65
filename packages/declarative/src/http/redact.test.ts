import { describe, expect, it } from 'vitest';
import { Redactor, redact } from './redact.ts';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('token abc and abc again, key xyz', ['abc', 'xyz'])).toBe(
      'token *** and *** again, key ***',
    );
  });

  it('replaces URL-encoded forms, as in query strings and form bodies', () => {
    const secret = 'p@ss w/rd&+';
    const url = `https://h/x?key=${encodeURIComponent(secret)}`;
    const form = new URLSearchParams({ password: secret }).toString();
    expect(redact(url, [secret])).toBe('https://h/x?key=***');
    expect(redact(form, [secret])).toBe('password=***');
  });

  it('treats regular-expression characters literally and prefers the longest secret', () => {
    expect(redact('a.b a+b (x)', ['a.b', '(x)'])).toBe('*** a+b ***');
    expect(redact('secret-long', ['secret', 'secret-long'])).toBe('***');
  });

  it('ignores empty secrets and takes new ones as they become known', () => {
    const redactor = new Redactor(['', 'one']);
    expect(redactor.redact('one two')).toBe('*** two');
    redactor.add('two');
    redactor.add(undefined);
    expect(redactor.redact('one two three')).toBe('*** *** three');
    expect(new Redactor().redact('nothing to hide')).toBe('nothing to hide');
  });
});
