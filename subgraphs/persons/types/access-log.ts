import { Field, ObjectType } from 'type-graphql';

import { PersonKey, SelfOnly } from '../../../common/access/categories';
import { ConnectionType } from '../../../common/pagination';
import { DateTimeScalar } from '../../../common/scalars';

@SelfOnly()
@PersonKey('personId')
@ObjectType({
  description:
    'One consultation of your file: when, by which partner organisation, for what purpose. Staff identities stay internal (GDPR art. 15 as read in C-579/21).',
})
export class AccessLogEntry {
  /** Whose file was consulted: only they read it. */
  personId: string;

  @Field(() => DateTimeScalar, { description: 'When the consultation read the file.' })
  at: Date;

  @Field(() => String, { description: 'Organisation id, e.g. `vdab` or `ocmw:44021`.' })
  organisation: string;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => [String], { description: 'The parts of the file that were read (subgraphs).' })
  sources: string[];
}

export const AccessLogConnection = ConnectionType(AccessLogEntry, 'AccessLog');
