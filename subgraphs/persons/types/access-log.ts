import { Field, ObjectType } from 'type-graphql';

import { DateTimeScalar } from '../../../common/scalars';

@ObjectType({
  description:
    'One consultation of your file: when, by which partner organisation, for what purpose. Staff identities stay internal (GDPR art. 15 as read in C-579/21).',
})
export class AccessLogEntry {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => String, { description: 'Organisation id, e.g. `vdab` or `ocmw:44021`.' })
  organisation: string;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => [String], { description: 'The parts of the file that were read (subgraphs).' })
  sources: string[];
}
