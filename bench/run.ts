import 'reflect-metadata';

import { signPartnerToken } from '../common/access/partner-token';
import { personaNamed } from '../common/access/personas';
import { config } from '../common/config';
import { AUDIT_ROWS, benchAuditLog, fillAuditHistory } from './audit-log';
import { runLoad, summarize, type LoadSample } from './load';
import {
  megabytes,
  prepareSharedDatabase,
  startConfiguration,
  stopConfiguration,
  usageOf,
  type Configuration,
} from './stack-client';
import {
  CASELOAD_QUERY,
  DASHBOARD_QUERY,
  dashboardVariables,
  CANDIDATE_POOL_QUERY,
  EMPLOYER_CANDIDATES_QUERY,
  OPEN_VACANCIES_QUERY,
} from './queries';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PERSONA = process.env.BENCH_PERSONA ?? 'vdab-mediator';
const PAGE_SIZE = 20;
const POOL_PAGE = 50;

type Answer = { data?: any; errors?: unknown };

/** A persona query; its body may depend on what the seeded world holds (asked as the persona). */
interface Scenario {
  name: string;
  persona: string;
  query: string;
  body: string | ((ask: (body: string) => Promise<Answer>) => Promise<ScenarioBody>);
}

interface ScenarioBody {
  body: string;
  /** What the body was chosen for, reported beside the figures. */
  facts: Record<string, unknown>;
}
/** BENCH_SCENARIOS=employerCandidates,… runs only those persona queries (`none`: none). */
const ONLY_SCENARIOS = process.env.BENCH_SCENARIOS?.split(',');
const BODY = JSON.stringify({ query: CASELOAD_QUERY, variables: { first: PAGE_SIZE } });

/**
 * The persona queries measured on the access-controlled stack alone, after the on/off rounds
 * (the mediator's caseload is measured in those rounds).
 * The dashboard year is the last whole year of the seeded data (seeds run up to 2025-10-01).
 */
const SCENARIOS: Scenario[] = [
  {
    name: 'employerCandidates',
    persona: 'employer-1',
    query: 'Employer candidates: 20 vacancies with the persons referred to them',
    body: JSON.stringify({ query: EMPLOYER_CANDIDATES_QUERY }),
  },
  {
    name: 'candidatePool',
    persona: 'employer-1',
    query: `The candidate pool: a page of ${POOL_PAGE} pseudonymous profiles for the employer's open vacancy with the largest pool`,
    body: async (ask) => {
      const employerId = personaNamed('employer-1').org.replace(/^employer:/, '');
      const open = await ask(
        JSON.stringify({ query: OPEN_VACANCIES_QUERY, variables: { employerId } }),
      );
      // One at a time: each pull ranks its whole pool.
      const pools: { id: string; size: number }[] = [];
      for (const { node } of open.data.vacancies.edges as { node: { id: string } }[]) {
        const variables = { vacancyId: node.id, first: 1 };
        const pool = await ask(JSON.stringify({ query: CANDIDATE_POOL_QUERY, variables }));
        pools.push({ id: node.id, size: pool.data?.candidates.totalCount ?? 0 });
      }
      const largest = pools.sort((a, b) => b.size - a.size)[0];
      if (!largest?.size)
        throw new Error('employer-1 has no open vacancy with candidates: seed first.');
      const variables = { vacancyId: largest.id, first: POOL_PAGE };
      return {
        body: JSON.stringify({ query: CANDIDATE_POOL_QUERY, variables }),
        facts: { vacancyId: largest.id, poolSize: largest.size },
      };
    },
  },
  {
    name: 'monitorDashboard',
    persona: 'monitor-gent',
    query: 'Dashboard (gateway/dashboard/dashboard.graphql): Gent, 2024 and its quarters',
    body: JSON.stringify({ query: DASHBOARD_QUERY, variables: dashboardVariables('44021', 2024) }),
  },
];

async function post(target: Configuration, body = BODY, headers = target.headers) {
  const response = await fetch(target.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return (await response.json()) as Answer;
}

/** Checks the query answers a full page without errors, then counts the SQL one answer costs. */
async function prepare(target: Configuration): Promise<void> {
  const first = await post(target); // also warms the mandate cache and the prepared statements
  if (first.errors) throw new Error(`The benchmark query fails: ${JSON.stringify(first.errors)}`);
  if (first.data.persons.edges.length !== PAGE_SIZE) {
    throw new Error(`The benchmark query returns fewer than ${PAGE_SIZE} persons: seed first.`);
  }
  const before = await usageOf(target);
  await post(target);
  target.sqlStatementsPerOperation = (await usageOf(target)).statements - before.statements;
}

/** One round of load, with the CPU time the configuration's process spent on it. */
async function loadRound(target: Configuration, durationMs: number): Promise<LoadSample> {
  const before = await usageOf(target);
  const sample = await runLoad({
    url: target.gatewayUrl,
    body: BODY,
    headers: target.headers,
    connections: CONNECTIONS,
    durationMs,
  });
  const after = await usageOf(target);
  target.rssBytes = { before: target.rssBytes?.before ?? before.rssBytes, after: after.rssBytes };
  return { ...sample, serverCpuMs: after.cpuMs - before.cpuMs };
}

/**
 * One persona's query on the access-controlled stack: its first answer (cold: nothing cached),
 * the SQL a second one costs, then load.
 */
async function runScenario(target: Configuration, scenario: Scenario) {
  const headers = {
    authorization: `Bearer ${await signPartnerToken(personaNamed(scenario.persona))}`,
  };
  const { body, facts } =
    typeof scenario.body === 'string'
      ? { body: scenario.body, facts: {} }
      : await scenario.body((asked) => post(target, asked, headers));
  const started = performance.now();
  const first = await post(target, body, headers);
  const coldMs = Number((performance.now() - started).toFixed(1));
  if (first.errors) throw new Error(`${scenario.name} fails: ${JSON.stringify(first.errors)}`);
  const before = await usageOf(target);
  await post(target, body, headers);
  const sqlStatementsPerOperation = (await usageOf(target)).statements - before.statements;
  /** One load, with the CPU the stack spent on it. */
  const load = async (connections: number, durationMs: number) => {
    const start = await usageOf(target);
    const sample = await runLoad({
      url: target.gatewayUrl,
      body,
      headers,
      connections,
      durationMs,
    });
    return summarize([{ ...sample, serverCpuMs: (await usageOf(target)).cpuMs - start.cpuMs }]);
  };
  console.error(`${scenario.name}: one client…`);
  // One partner at a time: the latency a user sees, without queueing behind other requests.
  const oneClient = await load(1, (DURATION_SECONDS * 1000) / 2);
  console.error(`${scenario.name}: ${CONNECTIONS} clients…`);
  const concurrent = await load(CONNECTIONS, DURATION_SECONDS * 1000);
  const after = await usageOf(target);
  return {
    persona: scenario.persona,
    query: scenario.query,
    ...facts,
    coldMs,
    sqlStatementsPerOperation,
    oneClient,
    [`${CONNECTIONS}Clients`]: concurrent,
    rssMb: {
      before: megabytes(before.rssBytes),
      after: megabytes(after.rssBytes),
    },
  };
}

/**
 * `npm run bench`: the caseload query as a partner persona (access control on: token, mandate,
 * row filter, field guard, audit) and as the platform itself (access control off), each stack in
 * its own process, in alternating rounds so that neither profits from a warmer database or
 * machine, and the throughput ratio of the two; then each persona query of SCENARIOS on the
 * access-controlled stack; then, on PostgreSQL, the audit log at BENCH_AUDIT_ROWS rows
 * (bench/audit-log.ts).
 * With DATABASE_URL it uses that database (fill it with `npm run seed -- --scale large`);
 * without, each stack seeds an in-memory PGlite at demo scale.
 */
async function main() {
  const auditLogAtScale = Boolean(config.DATABASE_URL) && AUDIT_ROWS > 0;
  if (config.DATABASE_URL) await prepareSharedDatabase(config.DATABASE_URL);
  if (auditLogAtScale) await fillAuditHistory(config.DATABASE_URL!);
  const token = await signPartnerToken(personaNamed(PERSONA));
  const targets: Configuration[] = [];
  try {
    console.error('Starting both stacks…');
    targets.push(
      ...(await Promise.all([
        startConfiguration('accessControlOn', { authorization: `Bearer ${token}` }),
        startConfiguration('accessControlOff', {}),
      ])),
    );
    for (const target of targets) await prepare(target);
    const roundMs = (DURATION_SECONDS * 1000) / ROUNDS;
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of round % 2 ? targets : [...targets].reverse()) {
        console.error(`Round ${round}/${ROUNDS}: ${target.name}…`);
        target.samples.push(await loadRound(target, roundMs));
      }
    }
    const [on, off] = targets.map((target) => ({
      ...summarize(target.samples),
      sqlStatementsPerOperation: target.sqlStatementsPerOperation,
      rssMb: {
        before: megabytes(target.rssBytes!.before),
        after: megabytes(target.rssBytes!.after),
      },
    }));
    const personaQueries: Record<string, unknown> = {};
    for (const scenario of SCENARIOS.filter((s) => ONLY_SCENARIOS?.includes(s.name) ?? true)) {
      personaQueries[scenario.name] = await runScenario(targets[0], scenario);
    }
    const auditLog = auditLogAtScale
      ? await benchAuditLog(
          config.DATABASE_URL!,
          targets[0].gatewayUrl,
          (DURATION_SECONDS * 1000) / 2,
        )
      : 'PostgreSQL only (DATABASE_URL), with BENCH_AUDIT_ROWS > 0';
    const report = {
      query: `Caseload (${PAGE_SIZE} persons × residence, registration, advices, referrals, placements)`,
      database: targets[0].database,
      connections: CONNECTIONS,
      secondsPerConfiguration: DURATION_SECONDS,
      rounds: ROUNDS,
      accessControlOn: { persona: PERSONA, ...on },
      accessControlOff: off,
      throughputRatioOnOverOff: Number((on.rps / off.rps).toFixed(3)),
      personaQueries,
      auditLog,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    for (const target of targets) await stopConfiguration(target);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
