import { isDeepStrictEqual } from 'node:util';

import type { Page, Request } from 'playwright-core';

import { personaNamed } from '../../common/access/personas';
import { browserSuite } from '../support/browser';
import { startTestStack, type TestStack } from '../support/stack';

type Result = { data?: any; errors?: any[] };

function parsed(text: string): Result | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

browserSuite('the explorer at GET /graphql, in Chromium', (session) => {
  let stack: TestStack;
  let page: Page;
  /** The Content-Security-Policy the page came with. */
  let policy: string | undefined;
  beforeAll(async () => {
    stack = await startTestStack('small');
    page = await session().newPage();
    policy = (await page.goto(stack.stack.gatewayUrl))?.headers()['content-security-policy'];
    await runButton().waitFor();
  });
  afterAll(async () => {
    await page?.close();
    await stack?.stop();
  });

  const runButton = () => page.getByRole('button', { name: /^Execute query/ });
  const responsePane = () => page.locator('.graphiql-response');

  /**
   * Runs the query in the editor as a user would; returns the request the page sent and the JSON the
   * result pane shows once it shows the gateway's answer.
   */
  async function run(): Promise<{ sent: Request; shown: Result }> {
    // GraphiQL fetches the schema on every mount (each persona switch): that answer is not ours.
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        response.url() === stack.stack.gatewayUrl &&
        response.request().postDataJSON()?.operationName !== 'IntrospectionQuery',
    );
    await runButton().click();
    const response = await answered;
    const answer = await response.json();
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await responsePane().locator('.CodeMirror-code').innerText();
      // CodeMirror renders indentation as no-break spaces.
      const shown = parsed(text.replaceAll('\u00a0', ' '));
      if (shown && isDeepStrictEqual(shown, answer)) return { sent: response.request(), shown };
      if (Date.now() > deadline) {
        throw new Error(`The result pane shows ${text}, not ${JSON.stringify(answer)}`);
      }
      await page.waitForTimeout(50);
    }
  }

  it('loads without a persona, sends no token, and shows why the gateway refuses', async () => {
    expect(await page.locator('#persona').inputValue()).toBe('');
    const { sent, shown } = await run();
    expect(sent.headers().authorization).toBeUndefined();
    expect(shown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await responsePane().innerText()).toContain('UNAUTHENTICATED');
  });

  it("fills the citizen's token from the persona picker and shows their own data", async () => {
    const citizen = personaNamed('citizen');
    const query = '{ person(id: "P-000001") { firstName lastName } }';
    const { body } = await stack.query(query, {}, { persona: 'citizen' });
    const { firstName, lastName } = body.data.person;

    const picker = page.locator('#persona');
    await picker.selectOption({ label: `${citizen.name} — ${citizen.description}` });
    await runButton().waitFor();
    const { sent, shown } = await run();

    expect(sent.headers().authorization).toBe(`Bearer ${await picker.inputValue()}`);
    expect(shown.errors).toBeUndefined();
    expect(shown.data.person).toMatchObject({ firstName, lastName });
    expect(await responsePane().innerText()).toContain(firstName);
    await session().screenshot(page, 'explorer-citizen');
  });

  it('loaded everything from the gateway itself and ran without script errors', async () => {
    expect(session().blockedRequests).toEqual([]);
    expect(session().pageErrors).toEqual([]);
    // Under a policy without inline scripts or styles, nothing of the page was refused.
    expect(policy).toMatch(/script-src 'self'/);
    expect(session().cspViolations).toEqual([]);

    // Two fences, both live. The page's policy refuses a request off the machine before it is
    // sent, and says so in the console...
    const cdn = 'https://unpkg.com/graphiql/graphiql.min.js';
    const reported = page.waitForEvent('console', (message) =>
      /Content Security Policy/.test(message.text()),
    );
    const outcome = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'loaded',
          () => 'refused',
        ),
      cdn,
    );
    expect(outcome).toBe('refused');
    expect((await reported).text()).toMatch(/connect-src 'self'/);
    expect(session().blockedRequests).toEqual([]);
    // ...and the test's own fence aborts and records what gets past a page (a navigation).
    const elsewhere = await session().newPage();
    await elsewhere.goto(cdn).catch(() => undefined);
    await elsewhere.close();
    expect(session().blockedRequests).toEqual([cdn]);
  });
});
