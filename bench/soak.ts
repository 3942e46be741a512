import 'reflect-metadata';

import { signPartnerToken } from '../common/access/partner-token';
import { personaNamed } from '../common/access/personas';
import { config } from '../common/config';
import { runLoad, summarize } from './load';
import { CASELOAD_QUERY, DASHBOARD_QUERY, dashboardVariables } from './queries';
import {
  megabytes,
  prepareSharedDatabase,
  startConfiguration,
  stopConfiguration,
  usageOf,
} from './stack-client';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
/** How often the stack's memory is sampled during the soak. */
const SAMPLE_SECONDS = 5;

/** Half the clients page through the mediator's caseload, half open the monitor's dashboard. */
async function workloads() {
  const bearer = async (persona: string) => ({
    authorization: `Bearer ${await signPartnerToken(personaNamed(persona))}`,
  });
  return [
    {
      name: 'mediatorCaseload',
      headers: await bearer('vdab-mediator'),
      body: JSON.stringify({ query: CASELOAD_QUERY, variables: { first: 20 } }),
    },
    {
      name: 'monitorDashboard',
      headers: await bearer('monitor-gent'),
      body: JSON.stringify({
        query: DASHBOARD_QUERY,
        variables: dashboardVariables('44021', 2024),
      }),
    },
  ];
}

/**
 * `npm run soak`: the access-controlled stack in a process of its own under steady mixed load for
 * SOAK_SECONDS (60), reporting errors, latency and how its memory (RSS) moved, sampled every few
 * seconds: a leak shows as RSS that keeps climbing after the warm-up (the first third), not as
 * one step up while the caches fill.
 */
async function main() {
  if (config.DATABASE_URL) await prepareSharedDatabase(config.DATABASE_URL);
  const target = await startConfiguration('accessControlOn', {});
  try {
    const loads = await workloads();
    const rssMb: number[] = [];
    const sampleRss = async () => rssMb.push(megabytes((await usageOf(target)).rssBytes));
    await sampleRss();
    const sampler = setInterval(sampleRss, SAMPLE_SECONDS * 1000);
    console.error(`Soaking for ${SECONDS} s with ${CONNECTIONS} clients…`);
    const samples = await Promise.all(
      loads.map((load) =>
        runLoad({
          url: target.gatewayUrl,
          body: load.body,
          headers: load.headers,
          connections: Math.max(1, Math.floor(CONNECTIONS / loads.length)),
          durationMs: SECONDS * 1000,
        }),
      ),
    );
    clearInterval(sampler);
    await sampleRss();
    const perWorkload = Object.fromEntries(
      loads.map((load, i) => [load.name, summarize([samples[i]])]),
    );
    const total = summarize(samples);
    // The first third fills the caches (a period's counts, prepared statements, plans): growth
    // that matters is what comes after it.
    const warm = rssMb[Math.floor(rssMb.length / 3)];
    const report = {
      database: target.database,
      seconds: SECONDS,
      connections: CONNECTIONS,
      errors: total.errors,
      requests: total.requests,
      perWorkload,
      rssMb: {
        start: rssMb[0],
        afterWarmUp: warm,
        end: rssMb[rssMb.length - 1],
        max: Math.max(...rssMb),
        growthAfterWarmUp: rssMb[rssMb.length - 1] - warm,
        samples: rssMb,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    if (total.errors > 0) process.exitCode = 1;
  } finally {
    await stopConfiguration(target);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
