import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { GOOD_PASSWORD } from './auth-helpers';
import { CAPTURED_RESPONSES, HTTP_TRAFFIC, TEST_ENV, type CapturedResponse, createTestApp } from './http-app';
import { PLAIN_PROVIDER_KEY_MARK, scanGaps, secretsIn } from './response-secrets';
import { createTestDatabase, type TestDatabase } from './test-database';

const response = (body: string, over: Partial<CapturedResponse> = {}): CapturedResponse => ({
  method: 'GET',
  url: '/api/something',
  status: 200,
  body,
  ...over,
});

const SECRET = `iak_${'A1b2C3d4'.repeat(5)}abc${'000000'}`;

/** The check that runs after every spec file (test/no-secrets.setup.ts) finds what it is for, and sees the bodies. */
describe('the no-secrets check of every spec file', () => {
  describe('secretsIn', () => {
    it.each([
      ['a bcrypt hash', `{"x":"$2b$12$${'a'.repeat(53)}"}`],
      ['a SHA-256 hex digest (token hash)', `{"x":"${'ab12'.repeat(16)}"}`],
      ['a plain provider API key', `{"apiKey":null,"note":"${PLAIN_PROVIDER_KEY_MARK}abc"}`],
      ['an unmasked apiKey', '{"apiKey":"sk-live-0123456789abcdef"}'],
      ['a secret column', '{"passwordHash":"x"}'],
      ['a secret column', '{"token_hash":"x"}'],
      ['a secret column', '{"api_key_encrypted":"v1:…"}'],
      ['a password typed in a test', `{"message":"${GOOD_PASSWORD}"}`],
      ['a password typed in a test', `{"message":"${TEST_ENV.ADMIN_PASSWORD}"}`],
      ['an access token secret', `{"items":[{"token":"${SECRET}"}]}`],
    ])('finds %s', (what, body) => {
      expect(secretsIn([response(body)])).toEqual([`GET /api/something (200) contains ${what}`]);
    });

    it('accepts masked keys, ids and the one response that creates a token', () => {
      const clean = [
        response('{"apiKey":"sk-…a1b2","id":"6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90","prefix":"iak_A1b2"}'),
        response('{"apiKey":"…"}'),
        response('{"apiKey":null}'),
        response(`{"token":"${SECRET}"}`, { method: 'POST', url: '/api/access-tokens', status: 201 }),
      ];
      expect(secretsIn(clean)).toEqual([]);
      // The same secret in any other answer is a leak.
      expect(secretsIn([response(`{"token":"${SECRET}"}`, { method: 'POST', url: '/api/access-tokens', status: 400 })])).toHaveLength(1);
    });
  });

  describe('scanGaps', () => {
    it('fails a file whose apps answered requests that the capture did not see', () => {
      expect(scanGaps({ requests: 3 }, [])).toEqual([
        'the apps of this file received 3 HTTP request(s) but no response was captured: nothing was checked',
      ]);
      expect(scanGaps({ requests: 3 }, [response('{}'), response('{}')])).toEqual([
        'the apps of this file received 3 HTTP request(s) but only 2 response(s) were captured',
      ]);
    });

    it('passes a file that sent no request, and one whose every response was captured', () => {
      expect(scanGaps({ requests: 0 }, [])).toEqual([]);
      expect(scanGaps({ requests: 2 }, [response('{}'), response('')])).toEqual([]);
    });
  });

  describe('the capture of a test app', () => {
    let db: TestDatabase;
    let app: INestApplication;

    beforeAll(async () => {
      db = await createTestDatabase();
      app = await createTestApp(db.url);
    });

    afterAll(async () => {
      await app.close();
      await db.drop();
    });

    it('records every response, also those sent before the Nest routes (Swagger) and empty ones', async () => {
      const [requests, captured] = [HTTP_TRAFFIC.requests, CAPTURED_RESPONSES.length];
      const http = () => request(app.getHttpServer());
      await http().get('/api/health').expect(200);
      await http().get('/api/docs-json').expect(200);
      await http().get('/api/users').expect(401);
      await http().get('/api/users?access_token=abc').expect(401);
      await http().options('/api/health');

      expect(HTTP_TRAFFIC.requests - requests).toBe(5);
      const seen = CAPTURED_RESPONSES.slice(captured);
      expect(seen.map((r) => [r.method, r.url, r.status])).toEqual([
        ['GET', '/api/health', 200],
        ['GET', '/api/docs-json', 200],
        ['GET', '/api/users', 401],
        ['GET', '/api/users?access_token=abc', 401],
        ['OPTIONS', '/api/health', expect.any(Number)],
      ]);
      expect(JSON.parse(seen[0].body)).toEqual({ status: 'ok', db: 'up' });
      expect(JSON.parse(seen[1].body)).toMatchObject({ openapi: expect.any(String), paths: expect.any(Object) });
      expect(JSON.parse(seen[2].body)).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      // Were the capture lost, the check after this file would fail rather than pass on nothing.
      expect(scanGaps(HTTP_TRAFFIC, [])).toHaveLength(1);
      expect(scanGaps(HTTP_TRAFFIC, CAPTURED_RESPONSES)).toEqual([]);
    });
  });
});
