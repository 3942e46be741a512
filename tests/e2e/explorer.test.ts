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
  beforeAll(async () => {
    stack = await startTestStack('small');
    page = await session().newPage();
    await page.goto(stack.stack.gatewayUrl);
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

    // The fence is live: a request off the machine fails in the page and is recorded.
    const cdn = 'https://unpkg.com/graphiql/graphiql.min.js';
    const outcome = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'loaded',
          () => 'refused',
        ),
      cdn,
    );
    expect(outcome).toBe('refused');
    expect(session().blockedRequests).toEqual([cdn]);
  });
});
