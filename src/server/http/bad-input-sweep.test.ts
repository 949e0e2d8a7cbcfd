import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bodyWith,
  type Document,
  fillRoute,
  isDate,
  isString,
  type Operation,
  operationsOf,
  SchemaReader,
} from '../../../test/support/openapi-sweep.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../db/schema/index.ts';

/**
 * The audit found 500s on bad input in many routes: a NUL character in any text (PostgreSQL cannot store it), a
 * date such as 0000-01-01. Both are refused for every route by the shared validation (http/validation.ts,
 * domain/shared/schemas.ts); this sweep sends them to every operation of the OpenAPI document as an agency admin,
 * who passes the access checks, and expects a 400 naming the field, with nothing written.
 */
describe('bad input on every route', () => {
  let t: TestApp;
  let admin: Client;
  let operations: Operation[];
  let reader: SchemaReader;
  const audited = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
    const document = (await t.anonymous.get('/api/openapi.json')).json() as Document;
    operations = operationsOf(document);
    reader = new SchemaReader(document);
  });
  afterAll(() => t.close());

  type Problem = { field: string; code: string; message: string };
  const expectFieldRefused = (
    label: string,
    response: { statusCode: number; body: string; json(): { error: { code: string; details?: Problem[] } } },
    field: string,
    code: string,
  ) => {
    expect(response.statusCode, `${label}: ${response.body}`).toBe(400);
    const { error } = response.json();
    expect(error.code, label).toBe('VALIDATION_FAILED');
    expect(error.details, label).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, code, message: expect.stringContaining(field) })]),
    );
  };

  it('a NUL character in a JSON body, a query string or a path parameter → 400 naming the field', async () => {
    const before = await audited();
    let checked = 0;
    for (const operation of operations) {
      const label = `${operation.method} ${operation.route}`;
      if (operation.body) {
        const [path] = reader.findFields(operation.body, isString);
        const field = path ? path.join('.') : 'a\\0b';
        const payload = path ? bodyWith(path, 'Arlon\u0000') : { 'a\u0000b': 'x' };
        const response = await admin.request({
          method: operation.method as 'POST',
          url: fillRoute(operation, reader),
          payload: payload as object,
        });
        expectFieldRefused(`${label} (body)`, response, field, 'FIELD_NUL_CHARACTER');
        checked++;
      }
      // Fastify checks the body before the query string: a route with a body is swept through its body.
      const [query] = operation.body ? [] : operation.queryParams;
      if (query) {
        const url = `${fillRoute(operation, reader)}?${query.name}=Arlon%00`;
        expectFieldRefused(
          `${label} (query)`,
          await admin.request({ method: operation.method as 'GET', url }),
          query.name,
          'FIELD_NUL_CHARACTER',
        );
        checked++;
      }
      for (const param of operation.pathParams) {
        const url = fillRoute(operation, reader, { [param.name]: 'x%00' });
        const response = await admin.request({
          method: operation.method as 'GET',
          url,
          ...(operation.body ? { payload: {} } : {}),
        });
        expectFieldRefused(`${label} (path)`, response, param.name, 'FIELD_NUL_CHARACTER');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(await audited(), 'nothing was written').toBe(before);
  });

  it('the public login too: a NUL in the e-mail or the password is a 400, not a 500', async () => {
    for (const payload of [
      { email: 'chef\u0000@idelux.be', password: 'un mot de passe quelconque' },
      { email: 'chef@idelux.be', password: 'mot\u0000de-passe' },
    ]) {
      const field = payload.email.includes('\u0000') ? 'email' : 'password';
      expectFieldRefused('login', await t.anonymous.post('/api/auth/login', payload), field, 'FIELD_NUL_CHARACTER');
    }
  });

  it('a date out of 1900–2199 (0000-01-01) in a body or a query string → 400 naming the field', async () => {
    const before = await audited();
    let checked = 0;
    for (const operation of operations) {
      const label = `${operation.method} ${operation.route}`;
      for (const path of operation.body ? reader.findFields(operation.body, isDate) : []) {
        const response = await admin.request({
          method: operation.method as 'POST',
          url: fillRoute(operation, reader),
          payload: bodyWith(path, '0000-01-01') as object,
        });
        expectFieldRefused(`${label} (${path.join('.')})`, response, path.join('.'), 'FIELD_DATE_RANGE');
        checked++;
      }
      const queries = operation.body ? [] : operation.queryParams;
      for (const query of queries.filter((p) => p.schema && isDate(reader.resolve(p.schema)))) {
        const url = `${fillRoute(operation, reader)}?${query.name}=0000-01-01`;
        expectFieldRefused(
          `${label} (?${query.name})`,
          await admin.request({ method: operation.method as 'GET', url }),
          query.name,
          'FIELD_DATE_RANGE',
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(await audited(), 'nothing was written').toBe(before);
  });

  it('words the date rule in French and in English', async () => {
    const fr = await admin.get('/api/audit?from=0000-01-01');
    expect(fr.json().error.details[0].message).toBe(
      'le champ « from » doit être une date comprise entre le 01/01/1900 et le 31/12/2199',
    );
    const en = await admin.request({
      method: 'GET',
      url: '/api/audit?to=2200-01-01',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('the field “to” must be a date between 01/01/1900 and 31/12/2199');
  });
});
