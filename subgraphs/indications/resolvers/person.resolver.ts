import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { IndicationsContext } from '../loaders';
import { Advice } from '../types/advice';
import { Person } from '../types/external';
import { IndicationRequest } from '../types/request';

@Resolver(() => Person)
export class PersonResolver {
  @Category('j', { views: [9, 13] })
  @FieldResolver(() => [Advice], { description: 'Advices, in id order (oldest first).' })
  advices(@Root() person: Person, @Ctx() { loaders }: IndicationsContext) {
    return loaders.advicesByPerson.load(person.id);
  }

  @Category('j')
  @FieldResolver(() => [IndicationRequest], { description: 'Indication requests, in id order.' })
  indicationRequests(@Root() person: Person, @Ctx() { loaders }: IndicationsContext) {
    return loaders.requestsByPerson.load(person.id);
  }

  // Note 12: what the employer and job coach need for the support plan, without the request
  // (j), the route or a diagnosis: the support needs of the person's latest ICF assessment.
  @Category('i', { views: [4, 12] })
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The work-relevant support needs of the latest ICF assessment, without diagnoses (B.4 note 12); null without one.',
  })
  async supportNeedsSummary(
    @Root() person: Person,
    @Ctx() { loaders }: IndicationsContext,
  ): Promise<string | null> {
    const assessment = await loaders.latestAssessmentByPerson.load(person.id);
    return assessment?.workRelevantSupportNeeds ?? null;
  }
}
