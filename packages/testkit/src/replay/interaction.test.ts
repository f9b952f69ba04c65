import { describe, expect, it } from 'vitest';
import { ORIGIN_PLACEHOLDER } from './fixtures.ts';
import { toInteraction } from './interaction.ts';
import { Scrubber } from './scrub.ts';

const scrubber = new Scrubber(['k3y-secret'], 'https://api.example.com');
const response = {
  status: 200,
  headers: { 'content-type': 'application/json', date: 'x', 'content-length': '9' },
};

describe('toInteraction', () => {
  it('keeps the path and query relative to the origin, scrubbed, and a JSON answer parsed', () => {
    const interaction = toInteraction(
      {
        request: {
          method: 'POST',
          url: 'https://api.example.com/v1/items?api_key=k3y-secret&page=2',
          headers: { 'x-api-key': 'k3y-secret', accept: 'application/json' },
          body: '{"callback":"https://api.example.com/hook"}',
        },
        response: { ...response, text: '{"next":"https://api.example.com/v1/items?page=3"}' },
      },
      scrubber,
      'example',
    );
    expect(interaction).toEqual({
      request: {
        method: 'POST',
        url: '/v1/items?api_key=***&page=2',
        headers: { 'x-api-key': '***', accept: 'application/json' },
        body: `{"callback":"${ORIGIN_PLACEHOLDER}/hook"}`,
      },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        json: { next: `${ORIGIN_PLACEHOLDER}/v1/items?page=3` },
      },
    });
  });

  it('refuses an exchange with another host, which a replay could not serve', () => {
    const raw = {
      request: { method: 'POST', url: 'https://login.example.com/oauth/token', headers: {} },
      response: { ...response, text: '{}' },
    };
    expect(() => toInteraction(raw, scrubber, 'example')).toThrow(
      expect.objectContaining({
        code: 'FERRY_RECORD_FOREIGN_HOST',
        message: expect.stringContaining('example reached login.example.com while recording'),
      }),
    );
  });
});
