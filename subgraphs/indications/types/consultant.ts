import { Field, ID, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { ConsultantTraining } from './enums';

@ObjectType({
  description:
    'A trained ICF indication consultant at VDAB, a GTB, an OCMW or a local government (the register behind the capacity KPIs).',
})
export class IndicationConsultant {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'Organisation id as callers carry it: `vdab`, `gtb`, `lg:<nis>`, `ocmw:<nis>`.',
  })
  org: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  accredited: boolean;

  @Field(() => ConsultantTraining)
  training: EnumValue<typeof ConsultantTraining>;

  soAdviesbevoegdheidId: string | null;
}
