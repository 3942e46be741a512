import type { TestStack } from '../../support/stack';
import {
  Checker,
  renderOperation,
  tokenCount,
  type Entry,
  type Finding,
  type Shape,
} from './probe';
import { personaContext, type World } from './world';

/** Where a run's time goes: waiting for the gateway, or checking its answers. */
export const timing = { query: 0, check: 0 };

/** The gateway's limits (QUERY_MAX_TOKENS 4000, aliases 60): stay under them with a margin. */
const MAX_TOKENS = 3600;

export interface RunStats {
  /** Paths refused whole by the node budget: too large to ask, so not probed. */
  refusedAsTooLarge?: number;
  operations: number;
}

/**
 * Packs entries into as few operations as the gateway's limits allow (the plain shape: many
 * entries per operation; a generated shape: `perOperation` entries, so each spread may carry
 * aliases), runs them as the persona and returns what the checker finds.
 */
export async function runEntries(
  stack: TestStack,
  world: World,
  personaName: string,
  entries: Entry[],
  shape: Shape,
  options: { perOperation?: number; stats?: RunStats; headers?: Record<string, string> } = {},
): Promise<Finding[]> {
  const persona = personaContext(world, personaName);
  const perOperation = options.perOperation ?? 50;
  const batches: Entry[][] = [];
  let batch: Entry[] = [];
  for (const entry of entries) {
    const candidate = [...batch, entry];
    const fits =
      candidate.length <= perOperation &&
      tokenCount(renderOperation(candidate, shape).text) <= MAX_TOKENS;
    if (fits || !batch.length) batch = candidate;
    else {
      batches.push(batch);
      batch = [entry];
    }
  }
  if (batch.length) batches.push(batch);
  const findings: Finding[] = [];
  const run = async (group: Entry[]): Promise<void> => {
    const op = renderOperation(group, shape);
    const started = performance.now();
    let response = await stack.query(
      op.text,
      {},
      { persona: personaName, headers: options.headers },
    );
    // on a machine shared with other runs a subgraph can miss the gateway's deadline: once more
    if (response.body.errors?.some((e: any) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')) {
      response = await stack.query(op.text, {}, { persona: personaName, headers: options.headers });
    }
    timing.query += performance.now() - started;
    if (options.stats) options.stats.operations++;
    // the cost limit multiplies nested lists: an operation too costly as a whole is split up
    const tooComplex = response.body.errors?.some(
      (e: any) => e.extensions?.code === 'QUERY_TOO_COMPLEX',
    );
    if (tooComplex && group.length > 1) {
      const half = Math.ceil(group.length / 2);
      await run(group.slice(0, half));
      await run(group.slice(half));
      return;
    }
    // One path alone beyond the node budget (QUERY_MAX_NODES) is refused before anything is
    // read: nothing to check, and counted apart so a run shows how many paths it could not ask.
    if (tooComplex) {
      if (options.stats)
        options.stats.refusedAsTooLarge = (options.stats.refusedAsTooLarge ?? 0) + 1;
      return;
    }
    const checking = performance.now();
    const checker = new Checker(world, persona, response.body);
    for (const { entry, resolved } of op.entries) checker.checkEntry(entry, resolved);
    checker.finish();
    timing.check += performance.now() - checking;
    findings.push(...checker.findings);
  };
  for (const group of batches) await run(group);
  return findings;
}

/** Unique findings (the same field of the same person at the same path, found by two shapes, once). */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.persona}|${f.person}|${f.route}|${f.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
