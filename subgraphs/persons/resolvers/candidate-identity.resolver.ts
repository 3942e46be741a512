import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { memberByPseudonym } from '../../../common/access/candidate-pool';
import { Category } from '../../../common/access/categories';
import { domainError, ErrorCode } from '../../../common/errors';
import type { PersonsContext } from '../loaders';
import { persons } from '../tables';
import { CandidateProfile } from '../types/candidate';
import { Person } from '../types/person';

/**
 * Where a pseudonymous profile meets the person, for an employer that may know them (B.4 note
 * 11): after a referral, a direct application or the candidate's opt-in, and for its own
 * employees. Both answers follow the caller's row scope of identities (common/access), so neither
 * opens anyone: they only tell the employer which profile is a person it already reaches.
 */
@Resolver(() => CandidateProfile)
export class CandidateIdentityResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Whether your organisation may see this candidate’s identity (a referral, a direct application, the candidate’s opt-in, or employment): then personByPseudonym finds them.',
  })
  async identityOpen(
    @Root() profile: CandidateProfile,
    @Ctx() { loaders }: PersonsContext,
  ): Promise<boolean> {
    return (await loaders.personById.load(profile.personId)) !== null;
  }

  @Category('a')
  @Query(() => Person, {
    nullable: true,
    description:
      'The person behind one of your pseudonyms (employers only), if their identity is open to you (`identityOpen`); NOT_FOUND otherwise.',
  })
  async personByPseudonym(
    @Arg('pseudonym', () => String) pseudonym: string,
    @Ctx() { db, policy, loaders }: PersonsContext,
  ) {
    if (policy.caller.role !== 'EMPLOYER') {
      throw domainError(
        ErrorCode.FORBIDDEN,
        `personByPseudonym reads the pseudonyms of an employer's candidate pool; role ${policy.caller.role} has none. Use person(id:).`,
      );
    }
    const employerId = policy.rows.ownEmployer();
    // The pseudonym is a keyed hash: recomputed for the persons the employer may see, no others.
    const reached = await db
      .select({ id: persons.id })
      .from(persons)
      .where(policy.rows.identities(persons.id));
    const personId = memberByPseudonym(
      employerId,
      pseudonym,
      reached.map((row) => row.id),
    );
    if (!personId) {
      if (policy.audited) {
        policy.audit.refuse({
          personId: null,
          subject: `Candidate:${pseudonym}`,
          field: 'Query.personByPseudonym',
        });
      }
      throw domainError(
        ErrorCode.NOT_FOUND,
        `No person whose identity is open to you goes by ${pseudonym}: it opens with a referral (requestIntroduction), a direct application or the candidate’s opt-in.`,
      );
    }
    return loaders.personById.load(personId);
  }
}
