import { Field, ID, ObjectType } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import type { EnumValue } from '../../../common/enums';
import { DateScalar } from '../../../common/scalars';
import { LegalBasis } from './enums';

@Category('o', { minimal: true })
@ObjectType({
  description:
    'A data-sharing mandate: an (organisation, role) may read data categories for one purpose, on a legal basis, for a period.',
})
export class Mandate {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Organisation id, e.g. `vdab` or `ocmw:44021`.' })
  org: string;

  @Field(() => String)
  role: string;

  @Field(() => String)
  purpose: string;

  @Field(() => LegalBasis)
  legalBasis: EnumValue<typeof LegalBasis>;

  agreementId: string | null;

  @Field(() => [String], { description: 'Data categories a–r of the access matrix.' })
  categories: string[];

  @Field(() => DateScalar)
  validFrom: string;

  @Field(() => DateScalar, { nullable: true })
  validUntil: string | null;

  @Field(() => String)
  description: string;
}
