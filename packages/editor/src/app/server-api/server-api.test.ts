import { describe, expect, it } from 'vitest';
import { ServerApi, type Fetcher } from './server-api.ts';

/** A fetcher that answers one request the way a server (or a static host) would. */
const answering =
  (status: number, body: string, contentType: string | null): Fetcher =>
  async () =>
    new Response(body, { status, headers: contentType ? { 'content-type': contentType } : {} });

const json = (status: number, body: unknown) => answering(status, JSON.stringify(body), 'application/json; charset=utf-8');

describe('ServerApi', () => {
  it('lists rulebook files with the rulebooks they declare, in either envelope', async () => {
    const enveloped = await new ServerApi(json(200, { files: [{ file: 'glasgow.a6', rulebooks: [{ name: 'glasgow_2021' }, 'omge_at_use'] }] })).listRulebooks();
    expect(enveloped).toEqual({ ok: true, value: [{ file: 'glasgow.a6', rulebooks: ['glasgow_2021', 'omge_at_use'] }] });
    const bare = await new ServerApi(json(200, [{ file: 'a.a6' }])).listRulebooks();
    expect(bare).toEqual({ ok: true, value: [{ file: 'a.a6', rulebooks: [] }] });
  });

  it('reads a file by name, URL-encoded', async () => {
    const requested: string[] = [];
    const api = new ServerApi(async (url) => {
      requested.push(url);
      return new Response(JSON.stringify({ file: 'a b.a6', source: 'rulebook x {}' }), { headers: { 'content-type': 'application/json' } });
    });
    expect(await api.readRulebook('a b.a6')).toEqual({ ok: true, value: { file: 'a b.a6', source: 'rulebook x {}' } });
    expect(requested).toEqual(['api/rulebooks/a%20b.a6']);
  });

  it('lists histories with their event counts when given', async () => {
    const result = await new ServerApi(json(200, { histories: [{ id: 'main', events: 12 }, { id: 'audit' }] })).listHistories();
    expect(result).toEqual({ ok: true, value: [{ id: 'main', events: 12 }, { id: 'audit', events: null }] });
  });

  it('says "not reachable" for a network failure and for a static host without the API', async () => {
    const offline = await new ServerApi(async () => {
      throw new TypeError('Failed to fetch');
    }).listRulebooks();
    expect(offline).toMatchInlineSnapshot(`
      {
        "issue": {
          "code": "editor.server_unreachable",
          "message": "server not reachable (GET api/rulebooks: Failed to fetch)",
        },
        "ok": false,
      }
    `);
    const staticHost = await new ServerApi(answering(200, '<!doctype html>', 'text/html')).listHistories();
    expect(staticHost.ok ? null : staticHost.issue.code).toBe('editor.server_unreachable');
  });

  it("passes the server's own error code through, and rejects shapes it cannot use", async () => {
    const refused = await new ServerApi(json(403, { error: { code: 'auth.forbidden', message: 'reader role required' } })).listRulebooks();
    expect(refused).toEqual({
      ok: false,
      issue: { code: 'editor.server_error', message: 'GET api/rulebooks failed: auth.forbidden: reader role required', status: 403, serverCode: 'auth.forbidden' },
    });
    const odd = await new ServerApi(json(200, { files: [{ size: 3 }] })).listRulebooks();
    expect(odd.ok ? null : odd.issue.code).toBe('editor.bad_response');
  });

  it('saves a file with the bearer token, and keeps the diagnostics of a refused save', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const saved = await new ServerApi(
      async (url, init) => {
        seen.push({ url, init });
        return new Response(JSON.stringify({ file: 'lib/base.a6', version: 2, sha256: 'ab', saved: true, rulebooks: [{ name: 'base' }], diagnostics: [] }), {
          status: 201,
          headers: { 'content-type': 'application/json' },
        });
      },
      'api',
      () => 'a6_designer',
    ).saveRulebook('lib/base.a6', 'rulebook base {\n}\n');
    expect(saved).toEqual({ ok: true, value: { file: 'lib/base.a6', version: 2, sha256: 'ab', saved: true, rulebooks: ['base'] } });
    expect(seen[0]!.url).toBe('api/rulebooks/lib%2Fbase.a6');
    expect(seen[0]!.init).toMatchObject({ method: 'PUT', headers: { authorization: 'Bearer a6_designer', 'content-type': 'application/json' } });
    expect(JSON.parse(String(seen[0]!.init!.body))).toEqual({ source: 'rulebook base {\n}\n' });

    const diagnostics = [{ code: 'dsl.unknown_field', severity: 'error', message: "unit has no field 'vintge'" }];
    const refused = await new ServerApi(json(422, { error: { code: 'rulebook.invalid', message: 'x.a6 was not saved: 1 error(s)', details: diagnostics } })).saveRulebook('x.a6', 'rulebook x {}');
    expect(refused).toMatchInlineSnapshot(`
      {
        "issue": {
          "code": "editor.server_error",
          "details": [
            {
              "code": "dsl.unknown_field",
              "message": "unit has no field 'vintge'",
              "severity": "error",
            },
          ],
          "message": "PUT api/rulebooks/x.a6 failed: rulebook.invalid: x.a6 was not saved: 1 error(s)",
          "serverCode": "rulebook.invalid",
          "status": 422,
        },
        "ok": false,
      }
    `);
  });
});
