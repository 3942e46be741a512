import { startTestStack, tokenFor, type TestStack } from '../support/stack';

/*
 * Every page and answer of the gateway carries the browser's security headers: a
 * Content-Security-Policy that runs only the gateway's own scripts and styles (no inline code)
 * and lets no other site frame it, nosniff and no Referer. That the explorer and the dashboard
 * still work under it is for the browser tests (tests/e2e).
 */
describe('security headers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('small');
  });
  afterAll(() => stack?.stop());

  const at = (path: string) => new URL(path, stack.stack.gatewayUrl).href;

  it.each([
    ['the explorer', () => fetch(at('/graphql'), { headers: { accept: 'text/html' } })],
    ['the dashboard', () => fetch(at('/dashboard'))],
    ["the dashboard's script", () => fetch(at('/dashboard/dashboard.js'))],
    ['a health probe', () => fetch(at('/healthz'))],
    [
      'a GraphQL answer',
      async () =>
        fetch(at('/graphql'), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await tokenFor('citizen')}`,
          },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
    ],
    ['a refusal before GraphQL', () => fetch(at('/graphql'), { method: 'POST', body: '{' })],
  ])('on %s', async (_what, request) => {
    const response = await request();
    expect(response.status).toBeLessThan(500);
    const policy = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      policy.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
