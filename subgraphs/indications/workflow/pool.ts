import type { DirectoryFact } from '../../../common/access/directory';
import { todayInBelgium } from '../../../common/dates';
import type { AdviceInsert } from '../tables';

/**
 * The candidate pool's fact of an advice (issue 14): a granted advice puts its holder in the
 * employers' pool of its type from the decision day until the ticket's validity ends, or the
 * day before an evaluation ended or replaced it. The decision, an evaluation and the seeds all
 * write it through this one function.
 */
export function candidatePoolFact(advice: AdviceInsert): DirectoryFact {
  return {
    kind: 'candidate-pool',
    id: advice.id,
    personId: advice.personId,
    adviceType: advice.type,
    decision: advice.decision,
    decidedOn: todayInBelgium(advice.decidedAt),
    validUntil: advice.validUntil ?? null,
    endedOn: advice.endedAt ?? null,
  };
}
