import { randomUUID } from 'node:crypto';

import postgres from 'postgres';

import { accessLogOf } from '../common/access/access-log';
import { insertEntries, type AuditEntry } from '../common/access/audit';
import { signPartnerToken } from '../common/access/partner-token';
import { personaNamed } from '../common/access/personas';
import { today } from '../common/clock';
import { addYears, firstOfMonth } from '../common/dates';
import { openDatabase } from '../common/db/connection';
import type { Statement } from '../common/db/statement-counter';
import { runLoad, summarize } from './load';

/*
 * The audit log at its retained size (DOMAIN A.2.6: ten years): BENCH_AUDIT_ROWS rows (10
 * million) in PostgreSQL, written once in SQL and kept for later runs, spread over the seeded
 * persons, the last ten years and the partners; then what a citizen waits for their access log
 * (the first page and one halfway through it, over HTTP through the gateway, one client at a
 * time) and what writing one request's audit rows costs, with the plans PostgreSQL chose.
 */

export const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 10_000_000);
/** The history's rows are told apart from what the bench and the stacks log themselves. */
const HISTORY = 'bench-history';
/** Rows one statement writes while filling: a progress line per chunk, no transaction of hours. */
const CHUNK = 1_000_000;
const PAGE = 20;
/** Rows one request writes: a caseload page of 20 persons, read in one subgraph. */
const BATCH = 20;
const INSERTS = 500;

const ACCESS_LOG = `query AccessLog($first: Int!, $after: String) {
  me { accessLog(first: $first, after: $after) {
    totalCount
    edges { node { at organisation purpose sources } }
    pageInfo { endCursor }
  } }
}`;

/** Who consulted, and why: the partners of the seeded mandates. */
const CONSULTERS = [
  ['vdab', 'VDAB_MEDIATOR', 'TRAJECTORY_GUIDANCE'],
  ['ocmw:44021', 'OCMW_SOCIAL_WORKER', 'SOCIAL_INTEGRATION'],
  ['ocmw:11002', 'OCMW_SOCIAL_WORKER', 'SOCIAL_INTEGRATION'],
  ['gtb', 'GTB_COUNSELLOR', 'TRAJECTORY_GUIDANCE'],
  ['lg:44021', 'LG_ICF_CONSULTANT', 'INDICATION'],
  ['employer:E-000001', 'EMPLOYER', 'EMPLOYMENT'],
];

/**
 * With DATABASE_URL, before the stacks start: makes the partitions of the last ten years and
 * writes the history, unless it is there. Each consultation is two rows (persons and
 * indications), one in twenty a refusal, by one of CONSULTERS, at a random instant of the ten
 * years, about a random seeded person.
 */
export async function fillAuditHistory(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await writeHistory(sql);
  } finally {
    await sql.end();
  }
}

async function writeHistory(sql: postgres.Sql): Promise<void> {
  const [{ present }] = await sql`
    select count(*)::int as present from access.audit_log where operation = ${HISTORY}`;
  if (present >= AUDIT_ROWS) return;
  const first = firstOfMonth(addYears(today(), -10));
  await sql`
    select access.create_audit_partition(month::date)
    from generate_series(${first}::date, ${today()}::date, interval '1 month') as month`;
  const consulters = sql.json(CONSULTERS);
  for (let written = present; written < AUDIT_ROWS; written += CHUNK) {
    const consultations = Math.min(CHUNK, AUDIT_ROWS - written) / 2;
    const from = written / 2;
    const started = performance.now();
    // The same history on every run: random() follows the seed, per chunk.
    await sql`select setseed(${from / AUDIT_ROWS})`;
    await sql`
      with persons as (select array_agg(id order by id) as ids from persons.persons),
        consultation as materialized (
          select c, 1 + floor(random() * cardinality(ids))::int as person,
            floor(random() * ${CONSULTERS.length})::int as consulter, random() < 0.05 as refused,
            ${first}::timestamptz + random() * (${today()}::timestamptz - ${first}::timestamptz)
              as instant
          from persons, generate_series(${from}::bigint, ${from + consultations - 1}::bigint) as c)
      insert into access.audit_log (request_id, at, operation, subgraph, fields, org, sub, role,
        purpose, person_id, outcome)
      select 'history-' || c, instant, ${HISTORY}, subgraph, '{Person.firstName}',
        ${consulters}::jsonb -> consulter ->> 0, 'user-' || (c % 97),
        ${consulters}::jsonb -> consulter ->> 1, ${consulters}::jsonb -> consulter ->> 2,
        ids[person], (case when refused then 'DENIED' else 'ALLOWED' end)::access.audit_outcome
      from consultation, persons, (values ('persons'), ('indications')) as source(subgraph)`;
    console.error(
      `Audit history: ${(written + consultations * 2).toLocaleString('en')} of ${AUDIT_ROWS.toLocaleString('en')} rows (${Math.round(performance.now() - started)} ms)`,
    );
  }
  // Statistics, and the visibility map that lets the index answer without the table.
  await sql`vacuum analyze access.audit_log`;
}

interface Plan {
  planningMs: number;
  executionMs: number;
  /** Of the audit log's partitions, how many the plan reads or writes. */
  partitions: number;
  sharedBlocks: { hit: number; read: number };
}

/** EXPLAIN ANALYZE of a statement the product sent (its text and parameters). */
async function explain(sql: postgres.Sql, statement: Statement): Promise<Plan> {
  const [row] = await sql.unsafe(
    `explain (analyze, buffers, format json) ${statement.query}`,
    statement.params as postgres.ParameterOrJSON<never>[],
  );
  const [{ Plan: plan, 'Planning Time': planning, 'Execution Time': execution }] =
    row['QUERY PLAN'];
  const partitions = new Set<string>();
  const walk = (node: Record<string, any>) => {
    if (String(node['Relation Name'] ?? '').startsWith('audit_log_')) {
      partitions.add(node['Relation Name']);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return {
    planningMs: Number(planning.toFixed(2)),
    executionMs: Number(execution.toFixed(2)),
    partitions: partitions.size,
    sharedBlocks: { hit: plan['Shared Hit Blocks'], read: plan['Shared Read Blocks'] },
  };
}

/** The persona's consultations: how many, and the cursor halfway through them. */
async function halfway(gatewayUrl: string, headers: Record<string, string>) {
  const page = async (first: number, after: string | null) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: ACCESS_LOG, variables: { first, after } }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(`The access log fails: ${JSON.stringify(body.errors)}`);
    return body.data.me.accessLog;
  };
  const { totalCount } = await page(1, null);
  let cursor: string | null = null;
  for (let skipped = 0; skipped < totalCount / 2; skipped += 500) {
    cursor = (await page(Math.min(500, Math.ceil(totalCount / 2) - skipped), cursor)).pageInfo
      .endCursor;
  }
  return { consultations: totalCount as number, cursor };
}

function batchOf(personIds: string[]): AuditEntry[] {
  const requestId = randomUUID();
  return personIds.map((personId) => ({
    requestId,
    partnerRequestId: null,
    operation: 'bench-insert',
    subgraph: 'persons',
    org: 'vdab',
    application: 'bench',
    sub: 'vdab-mediator-1',
    role: 'VDAB_MEDIATOR',
    purpose: 'TRAJECTORY_GUIDANCE',
    mandateId: null,
    personId,
    subject: null,
    outcome: 'ALLOWED',
    fields: 'Person.firstName,Person.lastName',
  }));
}

/**
 * The audit log part of `npm run bench` and `npm run bench:audit` (PostgreSQL only, after
 * fillAuditHistory): the access log of the demo citizen
 * over `gatewayUrl` (the access-controlled stack) for `durationMs` per page, and INSERTS
 * batches of BATCH rows written as the subgraphs write them.
 */
export async function benchAuditLog(url: string, gatewayUrl: string, durationMs: number) {
  const handle = await openDatabase({ url, poolSize: 1 });
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [{ rows }] = await sql`select count(*)::int as rows from access.audit_log`;
    const citizen = personaNamed('citizen');
    const headers = { authorization: `Bearer ${await signPartnerToken(citizen)}` };
    const { consultations, cursor } = await halfway(gatewayUrl, headers);
    const load = async (after: string | null) =>
      summarize([
        await runLoad({
          url: gatewayUrl,
          body: JSON.stringify({ query: ACCESS_LOG, variables: { first: PAGE, after } }),
          headers,
          connections: 1,
          durationMs,
        }),
      ]);
    console.error('Audit log: the first page…');
    const firstPage = await load(null);
    console.error('Audit log: a page halfway…');
    const laterPage = await load(cursor);
    await accessLogOf(handle.db, citizen.sub, citizen.org, { first: PAGE, after: cursor });
    const laterPagePlan = await explain(sql, handle.statements.last!);

    console.error(`Audit log: ${INSERTS} inserts of ${BATCH} rows…`);
    const persons = (
      await sql<{ id: string }[]>`
      select id from persons.persons order by id limit ${BATCH * 50}`
    ).map((row) => row.id);
    const latencies: number[] = [];
    for (let i = 0; i < INSERTS; i++) {
      const batch = batchOf(persons.slice((i % 50) * BATCH, (i % 50) * BATCH + BATCH));
      const started = performance.now();
      await insertEntries(handle.db, batch);
      latencies.push(performance.now() - started);
    }
    // An insert is routed to its partition as it runs: the plan names none.
    const { partitions: _routed, ...insertPlan } = await explain(sql, handle.statements.last!);
    const sorted = latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      Number(sorted[Math.ceil((p / 100) * sorted.length) - 1].toFixed(2));
    const [{ partitions }] = await sql`
      select count(*)::int as partitions from pg_inherits
      where inhparent = 'access.audit_log'::regclass`;
    return {
      rows,
      partitions,
      accessLog: {
        persona: 'citizen',
        consultations,
        pageSize: PAGE,
        firstPage,
        laterPage: { after: Math.ceil(consultations / 2), ...laterPage },
        laterPagePlan,
      },
      auditInsert: {
        rowsPerBatch: BATCH,
        batches: INSERTS,
        latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
        plan: insertPlan,
      },
    };
  } finally {
    await sql.end();
    await handle.close();
  }
}
