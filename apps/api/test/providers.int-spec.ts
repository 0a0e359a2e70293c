import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createOrmConfig } from '../src/database/mikro-orm.config';
import { apiKeyContext } from '../src/providers/providers.service';
import { SecretBox } from '../src/secrets/secret-box';
import { auditEvents, countAuditEvents } from './audit-helpers';
import { bearer, createLoginUser, loginToken } from './auth-helpers';
import { createTestApp } from './http-app';
import { createTestDatabase, quiet, type TestDatabase } from './test-database';

const KEY = randomBytes(32);
const OPENAI_KEY = 'sk-proj-Q2x7TEST0123456789abcdefghijklmnopWXYZa1b2';
const OTHER_KEY = 'sk-ant-api03-TESTzyxwvutsrqponmlkjihgfedcba9876c3d4';
const SHORT_KEY = 'short-key-123';
const PLAIN_KEYS = [OPENAI_KEY, OTHER_KEY, SHORT_KEY];
const UNKNOWN_ID = '6f1c2a9e-8d4b-4c1e-9f3a-2b7d5e6a8c90';

interface ProviderRow {
  id: string;
  name: string;
  kind: string;
  base_url: string | null;
  api_key_encrypted: string | null;
  api_key_hint: string | null;
}

describe('providers routes (SPEC §4 Resources) on a real database', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let orm: MikroORM;
  let admin: { id: string; email: string; token: string };
  let moderatorToken: string;
  let userToken: string;
  const box = new SecretBox(KEY);
  /** Every response body of this file, checked at the end for a plain key. */
  const bodies: string[] = [];

  const http = () => request(app.getHttpServer());
  const asAdmin = () => bearer(admin.token);
  const track = <T extends { text: string }>(res: T): T => {
    bodies.push(res.text);
    return res;
  };
  const row = async (id: string) =>
    (await db.query<ProviderRow>('select id, name, kind, base_url, api_key_encrypted, api_key_hint from providers where id = $1', [id]))[0];
  /** The stored ciphertext of a provider that has a key. */
  const sealedKey = async (id: string): Promise<string> => {
    const value = (await row(id)).api_key_encrypted;
    if (!value) throw new Error(`provider ${id} has no stored key`);
    return value;
  };
  const countProviders = async () => Number((await db.query<{ n: string }>('select count(*)::text as n from providers'))[0].n);
  const create = async (body: object) => track(await http().post('/api/providers').set(asAdmin()).send(body));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { encryptionKey: KEY });
    orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
    const user = await createLoginUser(orm, { role: 'admin', email: 'keys@example.com', firstName: 'Kim', lastName: 'Keys' });
    admin = { id: user.id, email: user.email, token: await loginToken(app, user.email) };
    moderatorToken = await loginToken(app, (await createLoginUser(orm, { role: 'moderator' })).email);
    userToken = await loginToken(app, (await createLoginUser(orm, { role: 'user' })).email);
  });

  afterAll(async () => {
    await orm.close();
    await app.close();
    await db.drop();
  });

  describe('POST /api/providers', () => {
    it('creates a provider (201): the key is stored sealed to the row and returned only masked', async () => {
      const res = await create({ name: ' OpenAI production ', kind: 'openai', apiKey: OPENAI_KEY });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'OpenAI production',
        kind: 'openai',
        baseUrl: null,
        apiKey: 'sk-…a1b2',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.text).not.toContain(OPENAI_KEY);

      const stored = await row(res.body.id);
      expect(stored.api_key_hint).toBe('sk-…a1b2');
      expect(stored.api_key_encrypted).toMatch(/^v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/);
      expect(stored.api_key_encrypted).not.toContain(OPENAI_KEY);
      expect(stored.api_key_encrypted).not.toContain(OPENAI_KEY.slice(8, 24));
      const sealed = await sealedKey(res.body.id);
      expect(Buffer.from(sealed.split(':')[4], 'base64url').toString('latin1')).not.toContain('sk-proj');
      expect(box.open(sealed, apiKeyContext(res.body.id))).toBe(OPENAI_KEY);
      // The sealed value never leaves the API.
      expect(res.text).not.toContain(sealed.split(':')[4]);
    });

    it('creates a provider without a key (apiKey null) and with a base URL', async () => {
      const res = await create({ name: 'Local Ollama', kind: 'ollama', baseUrl: 'http://localhost:11434', apiKey: null });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Local Ollama', kind: 'ollama', baseUrl: 'http://localhost:11434', apiKey: null });
      expect(await row(res.body.id)).toMatchObject({ api_key_encrypted: null, api_key_hint: null });
    });

    it('masks a short key as … only', async () => {
      const res = await create({ name: 'Mistral', kind: 'mistral', apiKey: SHORT_KEY });
      expect(res.status).toBe(201);
      expect(res.body.apiKey).toBe('…');
    });

    it('refuses a name taken in another case with 409 NAME_TAKEN, and writes nothing', async () => {
      const [providers, events] = [await countProviders(), await countAuditEvents(db)];
      const res = await create({ name: 'openai PRODUCTION', kind: 'anthropic', apiKey: OTHER_KEY });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'NAME_TAKEN',
        message: 'Another provider already has this name',
      });
      expect(await countProviders()).toBe(providers);
      expect(await countAuditEvents(db)).toBe(events);
    });

    it.each([
      [{ kind: 'openai' }, 'name must be a string'],
      [{ name: '   ', kind: 'openai' }, 'name should not be empty'],
      [{ name: 'x'.repeat(101), kind: 'openai' }, 'name must be shorter than or equal to 100 characters'],
      [{ name: 'A', kind: 'skynet' }, 'kind must be one of openai, anthropic, azure-openai, google, mistral, ollama, custom'],
      [{ name: 'A', kind: 'custom' }, 'baseUrl is required for kind custom'],
      [{ name: 'A', kind: 'azure-openai', baseUrl: null }, 'baseUrl is required for kind azure-openai'],
      [
        { name: 'A', kind: 'custom', baseUrl: 'ftp://example.com' },
        'baseUrl must be an http:// or https:// URL without user name or password',
      ],
      [
        { name: 'A', kind: 'custom', baseUrl: 'javascript:alert(1)' },
        'baseUrl must be an http:// or https:// URL without user name or password',
      ],
      [
        { name: 'A', kind: 'custom', baseUrl: 'https://user:pw@example.com' },
        'baseUrl must be an http:// or https:// URL without user name or password',
      ],
      [
        { name: 'A', kind: 'custom', baseUrl: 'example.com/v1' },
        'baseUrl must be an http:// or https:// URL without user name or password',
      ],
      [
        { name: 'A', kind: 'custom', baseUrl: `https://example.com/${'a'.repeat(2048)}` },
        'baseUrl must be shorter than or equal to 2048 characters',
      ],
      [{ name: 'A', kind: 'openai', apiKey: '' }, 'apiKey must not be empty; send null to remove the key'],
      [{ name: 'A', kind: 'openai', apiKey: 'sk-abc def-0123456789012345' }, 'apiKey must not contain spaces or line breaks'],
      [{ name: 'A', kind: 'openai', apiKey: 42 }, 'apiKey must be a string'],
      [{ name: 'A', kind: 'openai', apiKey: 'k'.repeat(4097) }, 'apiKey must be shorter than or equal to 4096 characters'],
      [{ name: 'A', kind: 'openai', apiKeyEncrypted: 'v1:x' }, 'property apiKeyEncrypted should not exist'],
      [{ name: 'A', kind: 'openai', id: UNKNOWN_ID }, 'property id should not exist'],
    ])('refuses %j with 400 VALIDATION_FAILED (%s) and writes nothing', async (body, message) => {
      const [providers, events] = [await countProviders(), await countAuditEvents(db)];
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toEqual([message]);
      expect(await countProviders()).toBe(providers);
      expect(await countAuditEvents(db)).toBe(events);
    });

    it('accepts http(s) URLs on internal hosts and ports', async () => {
      const res = await create({ name: 'Gateway', kind: 'custom', baseUrl: 'https://llm-gateway.internal:8443/v1' });
      expect(res.status).toBe(201);
      expect(res.body.baseUrl).toBe('https://llm-gateway.internal:8443/v1');
    });
  });

  describe('GET', () => {
    it('lists every provider by name, keys masked, nothing sealed', async () => {
      const res = track(await http().get('/api/providers').set(asAdmin()).expect(200));
      expect(Object.keys(res.body)).toEqual(['items']);
      const names = res.body.items.map((p: { name: string }) => p.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(res.body.items.find((p: { name: string }) => p.name === 'OpenAI production').apiKey).toBe('sk-…a1b2');
      expect(res.text).not.toMatch(/v1:[0-9a-f]{8}:/);
      for (const item of res.body.items)
        expect(Object.keys(item).sort()).toEqual(['apiKey', 'baseUrl', 'createdAt', 'id', 'kind', 'name', 'updatedAt']);
    });

    it('GET /:id gives one; 404 NOT_FOUND for an unknown id, 400 for a malformed one', async () => {
      const created = await create({ name: 'Google', kind: 'google', apiKey: OTHER_KEY });
      const res = track(await http().get(`/api/providers/${created.body.id}`).set(asAdmin()).expect(200));
      expect(res.body).toEqual(created.body);
      const unknown = await http().get(`/api/providers/${UNKNOWN_ID}`).set(asAdmin()).expect(404);
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'No provider with this id' });
      const malformed = await http().get('/api/providers/not-a-uuid').set(asAdmin()).expect(400);
      expect(malformed.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('PATCH /api/providers/:id', () => {
    let id: string;

    beforeAll(async () => {
      id = (await create({ name: 'Anthropic', kind: 'anthropic', apiKey: OTHER_KEY })).body.id;
    });

    it('changes fields and keeps the key when apiKey is left out (the ciphertext is untouched)', async () => {
      const before = await row(id);
      const res = track(
        await http()
          .patch(`/api/providers/${id}`)
          .set(asAdmin())
          .send({ name: 'Anthropic EU', baseUrl: 'https://eu.example.com' })
          .expect(200),
      );
      expect(res.body).toMatchObject({ id, name: 'Anthropic EU', baseUrl: 'https://eu.example.com', apiKey: 'sk-…c3d4' });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(res.body.createdAt).getTime());
      const after = await row(id);
      expect(after.api_key_encrypted).toBe(before.api_key_encrypted);
      expect(box.open(await sealedKey(id), apiKeyContext(id))).toBe(OTHER_KEY);
    });

    it('replaces the key with a new one, sealed afresh', async () => {
      const before = await row(id);
      const res = track(await http().patch(`/api/providers/${id}`).set(asAdmin()).send({ apiKey: OPENAI_KEY }).expect(200));
      expect(res.body.apiKey).toBe('sk-…a1b2');
      const after = await row(id);
      expect(after.api_key_encrypted).not.toBe(before.api_key_encrypted);
      expect(box.open(await sealedKey(id), apiKeyContext(id))).toBe(OPENAI_KEY);
    });

    it('removes the key with apiKey: null', async () => {
      const res = track(await http().patch(`/api/providers/${id}`).set(asAdmin()).send({ apiKey: null }).expect(200));
      expect(res.body.apiKey).toBeNull();
      expect(await row(id)).toMatchObject({ api_key_encrypted: null, api_key_hint: null });
    });

    it('refuses a taken name (409), a null name, a kind that needs a base URL it lacks, and unknown fields (400)', async () => {
      const before = await row(id);
      const events = await countAuditEvents(db);
      const taken = await http().patch(`/api/providers/${id}`).set(asAdmin()).send({ name: 'local OLLAMA' }).expect(409);
      expect(taken.body.code).toBe('NAME_TAKEN');
      for (const [body, message] of [
        [{ name: null }, 'name must be a string'],
        [{ kind: null }, 'kind must be one of openai, anthropic, azure-openai, google, mistral, ollama, custom'],
        [{ kind: 'azure-openai', baseUrl: null }, 'baseUrl is required for kind azure-openai'],
        [{ apiKeyHint: 'x' }, 'property apiKeyHint should not exist'],
        [{ createdAt: '2020-01-01T00:00:00Z' }, 'property createdAt should not exist'],
      ] as const) {
        const res = await http().patch(`/api/providers/${id}`).set(asAdmin()).send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: [message] });
      }
      expect(await row(id)).toEqual(before);
      expect(await countAuditEvents(db)).toBe(events);
    });

    it('renaming to a different case of its own name is fine', async () => {
      const res = await http().patch(`/api/providers/${id}`).set(asAdmin()).send({ name: 'ANTHROPIC EU' }).expect(200);
      expect(res.body.name).toBe('ANTHROPIC EU');
    });

    it('404 for an unknown id, 400 for a malformed one', async () => {
      expect((await http().patch(`/api/providers/${UNKNOWN_ID}`).set(asAdmin()).send({ name: 'X' }).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
      await http().patch('/api/providers/123').set(asAdmin()).send({ name: 'X' }).expect(400);
    });
  });

  describe('DELETE /api/providers/:id', () => {
    it('deletes (204), then it is gone (404)', async () => {
      const { id } = (await create({ name: 'Short-lived', kind: 'openai', apiKey: OPENAI_KEY })).body;
      await http().delete(`/api/providers/${id}`).set(asAdmin()).expect(204);
      expect(await row(id)).toBeUndefined();
      expect((await http().delete(`/api/providers/${id}`).set(asAdmin()).expect(404)).body.code).toBe('NOT_FOUND');
      await http().get(`/api/providers/${id}`).set(asAdmin()).expect(404);
    });
  });

  describe('permissions', () => {
    it("refuses a moderator's POST with 403 PERMISSION_DENIED naming providers.manage, and writes nothing", async () => {
      const providers = await countProviders();
      const res = await http()
        .post('/api/providers')
        .set(bearer(moderatorToken))
        .send({ name: 'Sneaky', kind: 'openai', apiKey: OPENAI_KEY });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'PERMISSION_DENIED',
        message: 'Missing permission: providers.manage',
      });
      expect(await countProviders()).toBe(providers);
    });

    it.each(['get', 'post', 'patch', 'delete'] as const)('refuses a user (%s) with 403', async (method) => {
      const path = method === 'get' || method === 'post' ? '/api/providers' : `/api/providers/${UNKNOWN_ID}`;
      const res = await http()[method](path).set(bearer(userToken)).send({});
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Missing permission: providers.manage');
    });
  });

  describe('the sealed key is bound to its row', () => {
    it('a ciphertext copied to another provider does not open there', async () => {
      const a = (await create({ name: 'Bound A', kind: 'openai', apiKey: OPENAI_KEY })).body.id;
      const b = (await create({ name: 'Bound B', kind: 'openai', apiKey: OTHER_KEY })).body.id;
      await db.query('update providers set api_key_encrypted = (select api_key_encrypted from providers where id = $1) where id = $2', [
        a,
        b,
      ]);
      const swapped = await sealedKey(b);
      expect(box.open(swapped, apiKeyContext(a))).toBe(OPENAI_KEY);
      expect(() => box.open(swapped, apiKeyContext(b))).toThrow('does not authenticate');
    });
  });

  describe('audit', () => {
    it('records exactly one event per write, with actor, target and changed fields, and never the key or its mask', async () => {
      const actor = { actor_type: 'user', actor_id: admin.id, actor_email: 'keys@example.com', actor_name: 'Kim Keys' };
      const createdRes = await create({ name: 'Audited', kind: 'custom', baseUrl: 'https://a.example.com', apiKey: OPENAI_KEY });
      const id = createdRes.body.id as string;
      const patch = (body: object) => http().patch(`/api/providers/${id}`).set(asAdmin()).send(body).expect(200);
      await patch({ name: 'Audited 2', baseUrl: 'https://b.example.com' });
      await patch({ apiKey: OTHER_KEY });
      await patch({ apiKey: null });
      await patch({ apiKey: null }); // nothing to clear: no event
      await patch({ name: 'Audited 2' }); // unchanged: no event
      await patch({ apiKey: SHORT_KEY });
      await http().delete(`/api/providers/${id}`).set(asAdmin()).expect(204);

      const events = await auditEvents(db, 'target_id = $1', [id]);
      expect(events.map((e) => ({ ...e, id: undefined }))).toEqual(
        [
          ['provider.created', 'Audited', { after: { name: 'Audited', kind: 'custom', baseUrl: 'https://a.example.com' }, apiKey: 'set' }],
          [
            'provider.updated',
            'Audited 2',
            {
              before: { name: 'Audited', baseUrl: 'https://a.example.com' },
              after: { name: 'Audited 2', baseUrl: 'https://b.example.com' },
            },
          ],
          ['provider.updated', 'Audited 2', { apiKey: 'changed' }],
          ['provider.updated', 'Audited 2', { apiKey: 'cleared' }],
          ['provider.updated', 'Audited 2', { apiKey: 'set' }],
          [
            'provider.deleted',
            'Audited 2',
            { before: { name: 'Audited 2', kind: 'custom', baseUrl: 'https://b.example.com' }, apiKey: 'cleared' },
          ],
        ].map(([action, label, details]) => ({
          id: undefined,
          action,
          ...actor,
          target_type: 'provider',
          target_id: id,
          target_label: label,
          details,
        })),
      );
      const all = JSON.stringify(await auditEvents(db));
      for (const key of PLAIN_KEYS) expect(all).not.toContain(key);
      expect(all).not.toContain('…');
      expect(all).not.toMatch(/v1:[0-9a-f]{8}:/);
    });

    it('a write that fails in the database leaves neither the row nor an event', async () => {
      await db.query(`create function fail_provider_write() returns trigger language plpgsql as $$
                        begin raise exception 'forced failure'; end; $$`);
      await db.query(`create trigger providers_forced_failure before insert or update on providers
                        for each row when (new.name = 'Boom') execute function fail_provider_write()`);
      try {
        const [providers, events] = [await countProviders(), await countAuditEvents(db)];
        const created = await create({ name: 'Boom', kind: 'openai', apiKey: OPENAI_KEY });
        expect(created.status).toBe(500);
        expect(created.body).toEqual({
          statusCode: 500,
          error: 'Internal Server Error',
          code: 'INTERNAL_ERROR',
          message: 'Internal server error',
        });
        const { id } = (await create({ name: 'Not yet boom', kind: 'openai' })).body;
        const eventsBefore = await countAuditEvents(db);
        await http().patch(`/api/providers/${id}`).set(asAdmin()).send({ name: 'Boom', apiKey: OTHER_KEY }).expect(500);
        expect(await row(id)).toMatchObject({ name: 'Not yet boom', api_key_encrypted: null });
        expect(await countAuditEvents(db)).toBe(eventsBefore);
        expect(await countProviders()).toBe(providers + 1);
        expect(await countAuditEvents(db)).toBe(events + 1);
      } finally {
        await db.query('drop trigger providers_forced_failure on providers');
        await db.query('drop function fail_provider_write()');
      }
    });

    it('two creates of one name at once: one 201, one 409, one event', async () => {
      const events = await countAuditEvents(db);
      const results = await Promise.all(
        [1, 2].map(() => http().post('/api/providers').set(asAdmin()).send({ name: 'Raced', kind: 'openai', apiKey: OPENAI_KEY })),
      );
      results.forEach(track);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('NAME_TAKEN');
      expect(await countAuditEvents(db)).toBe(events + 1);
    });
  });

  it('no response of this file contained a plain API key', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) for (const key of PLAIN_KEYS) expect(body).not.toContain(key);
  });
});

describe('providers without ENCRYPTION_KEY (development)', () => {
  let db: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'interakt-devkey-'));
  });

  afterAll(async () => {
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seals with a key kept in DATA_DIR/encryption.key (0600) that the next start reuses', async () => {
    const start = () => createTestApp(db.url, { encryptionKey: undefined, dataDir, nodeEnv: 'development' });
    let app = await start();
    let id: string;
    try {
      const orm = await MikroORM.init(createOrmConfig({ clientUrl: db.url, poolMax: 2, logger: quiet }));
      const admin = await createLoginUser(orm, { role: 'admin', email: 'dev@example.com' });
      await orm.close();
      const token = await loginToken(app, admin.email);
      id = (
        await request(app.getHttpServer())
          .post('/api/providers')
          .set(bearer(token))
          .send({ name: 'Dev', kind: 'openai', apiKey: OPENAI_KEY })
          .expect(201)
      ).body.id;
    } finally {
      await app.close();
    }
    const file = join(dataDir, 'encryption.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const keyHex = (await readFile(file, 'utf8')).trim();
    app = await start();
    await app.close();
    expect((await readFile(file, 'utf8')).trim()).toBe(keyHex);
    const [stored] = await db.query<{ api_key_encrypted: string }>('select api_key_encrypted from providers where id = $1', [id]);
    expect(new SecretBox(Buffer.from(keyHex, 'hex')).open(stored.api_key_encrypted, apiKeyContext(id))).toBe(OPENAI_KEY);
  });
});
