import { Field, ObjectType } from 'type-graphql';

import { ConnectionType } from '../../../common/pagination';
import { DateTimeScalar } from '../../../common/scalars';

@ObjectType({
  description:
    'One consultation of your file: when, by which partner organisation, for what purpose. Staff identities stay internal (GDPR art. 15 as read in C-579/21).',
})
export class AccessLogEntry {
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
