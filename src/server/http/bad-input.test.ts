import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog, users } from '../db/schema/index.ts';

/** Bad input gets a 4xx in the one error shape, a message naming the problem, and changes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Client;
  const snapshot = async () => ({
    users: (await t.database.db.select({ n: count() }).from(users))[0]!.n,
    audit: (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
  });
  afterAll(() => t.close());

  const expectErrorShape = (body: unknown) =>
    expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const before = await snapshot();
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "x@y.be", "displayName": ',
    });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.json());
    expect(response.json().error.code).toBe('INVALID_JSON');
    expect(await snapshot()).toEqual(before);
  });

  it('wrong types → 400 naming each field', async () => {
    const before = await snapshot();
    const response = await admin.post('/api/users', { email: 42, displayName: ['x'], role: 'consultant' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'email']);
    expect(error.message).toContain('« email »');
    expect(await snapshot()).toEqual(before);
  });

  it('missing fields → 400 saying they are required', async () => {
    const response = await admin.post('/api/users', { role: 'consultant' });
    expect(response.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'email',
          code: 'FIELD_REQUIRED',
          message: 'le champ « email » est obligatoire',
        }),
      ]),
    );
  });

  it('unknown fields → 400 naming the field', async () => {
    const before = await snapshot();
    const response = await admin.post('/api/users', {
      email: 'new@x.be',
      displayName: 'New',
      role: 'consultant',
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: 'isAdmin', code: 'FIELD_UNKNOWN' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('an invalid choice lists the allowed values', async () => {
    const response = await admin.post('/api/users', { email: 'r@x.be', displayName: 'R', role: 'superuser' });
    expect(response.json().error.details[0]).toMatchObject({ field: 'role', code: 'FIELD_CHOICE' });
    expect(response.json().error.details[0].message).toContain('agency_admin');
  });

  it('a huge body → 413, nothing written', async () => {
    const before = await snapshot();
    const response = await admin.post('/api/users', {
      email: 'big@x.be',
      displayName: 'x'.repeat(2 * 1024 * 1024),
      role: 'consultant',
    });
    expect(response.statusCode).toBe(413);
    expectErrorShape(response.json());
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('a body that is not JSON → 415', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body that is not an object, or no body at all → 400', async () => {
    const array = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: [1, 2],
      headers: { 'content-type': 'application/json' },
    });
    expect(array.statusCode).toBe(400);
    const empty = await admin.request({ method: 'POST', url: '/api/users' });
    expect(empty.statusCode).toBe(400);
    expectErrorShape(empty.json());
  });

  it('a wrong NIS code → 400 when malformed, 404 when unknown', async () => {
    expect((await admin.patch('/api/communes/ABCDE', { description: 'x' })).statusCode).toBe(400);
    expect((await admin.patch('/api/communes/12345', { description: 'x' })).statusCode).toBe(404);
    expect(
      (
        await admin.post('/api/users', {
          email: 'n@x.be',
          displayName: 'N',
          role: 'commune_viewer',
          communeNis: '1234',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('a malformed id → 400, an unknown one → 404', async () => {
    expect((await admin.patch('/api/users/not-a-uuid', { displayName: 'x' })).statusCode).toBe(400);
    const unknown = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('USER_NOT_FOUND');
  });

  it('bad query parameters → 400', async () => {
    const response = await admin.get('/api/audit?page=0&from=yesterday');
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['from', 'page']);
  });

  it('an unknown API address → 404 in the error shape', async () => {
    const response = await t.anonymous.get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  describe('the framework’s own refusals take the one shape, in French by default', () => {
    const frenchShape = (response: { json(): unknown }, code: string) => {
      expectErrorShape(response.json());
      const { error } = response.json() as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      // Worded by us, not Fastify's English.
      expect(error.message).not.toMatch(/Bad Request|exceeding|not a valid url|FST_/);
      return error.message;
    };

    it('a path parameter over 100 characters → 414 URL_PARAMETER_TOO_LONG', async () => {
      const response = await admin.get(`/api/missions/${'a'.repeat(120)}`);
      expect(response.statusCode).toBe(414);
      expect(frenchShape(response, 'URL_PARAMETER_TOO_LONG')).toContain('dépasse 100 caractères');
    });

    it('a badly percent-encoded address → 400 BAD_URL', async () => {
      const response = await admin.get('/api/missions/%E0%A4%A');
      expect(response.statusCode).toBe(400);
      expect(frenchShape(response, 'BAD_URL')).toContain('mal encodé');
    });

    it('a method the address does not take → 405 with Allow', async () => {
      const response = await admin.request({ method: 'DELETE', url: '/api/communes' });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('GET');
      expect(frenchShape(response, 'METHOD_NOT_ALLOWED')).toContain('n’accepte pas la méthode DELETE');
    });

    it('a body shorter than its Content-Length → 400 CONTENT_LENGTH_MISMATCH, nothing written', async () => {
      const before = await snapshot();
      const response = await admin.request({
        method: 'POST',
        url: '/api/users',
        headers: { 'content-type': 'application/json', 'content-length': '5' },
        payload: '{"email":"x@y.be"}',
      });
      expect(response.statusCode).toBe(400);
      frenchShape(response, 'CONTENT_LENGTH_MISMATCH');
      expect(await snapshot()).toEqual(before);
    });

    it('every one of them in English when asked', async () => {
      const response = await admin.request({
        method: 'GET',
        url: `/api/missions/${'a'.repeat(120)}`,
        headers: { 'accept-language': 'en' },
      });
      expect(response.json().error.message).toBe(
        'A part of the address exceeds 100 characters: no resource has such a long identifier.',
      );
      const json = await admin.request({
        method: 'POST',
        url: '/api/users',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        payload: '{',
      });
      expect(json.json().error.message).toBe('The request body is not valid JSON.');
    });
  });
});
