import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import type { EnumValue } from '../../../common/enums';
import { PartnershipKind } from './enums';

@ObjectType({ description: 'A Flemish province.' })
@Directive('@key(fields: "code")')
export class Province {
  @Field(() => ID, { description: '`ANT`, `VBR`, `WVL`, `OVL` or `LIM`.' })
  code: string;

  @Field(() => String, { description: 'NIS code of the province, e.g. `40000`.' })
  nisCode: string;

  @Field(() => String)
  name: string;
}

@ObjectType({
  description:
    'One of at most 15 reference regions (meso level, 004 §9). A region may span provinces; intermunicipal partnerships nest inside it.',
})
@Directive('@key(fields: "id")')
export class ReferenceRegion {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: 'The Flemish Region as a whole: the level of the Flemish totals.' })
@Directive('@key(fields: "code")')
export class Flanders {
  @Field(() => ID, { description: 'Always `VL`.' })
  code: string;

  @Field(() => String)
  name: string;
}

@ObjectType({
  description:
    'Regiegebied sociale economie en werk: a cluster of municipalities where local government directs the local social economy and work.',
})
export class Regiegebied {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({
  description:
    'An intermunicipal partnership: a body for social economy and work, or an ESF-funded local partnership.',
})
export class IntermunicipalPartnership {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => PartnershipKind)
  kind: EnumValue<typeof PartnershipKind>;

  referenceRegionId: string | null;
}

@ObjectType({
  description:
    'A Flemish municipality (2024 boundaries), which with its OCMW is the local government. Other subgraphs add their own fields, e.g. the ICF consultants of the local government.',
})
@Directive('@key(fields: "nisCode")')
export class Municipality {
  @Field(() => ID)
  nisCode: string;

  @Field(() => String)
  name: string;

  provinceCode: string;

  @Field(() => String, { description: 'NIS code of the arrondissement.' })
  arrondissementNis: string;

  @Field(() => Int)
  population: number;

  @Field(() => Boolean, { description: 'One of the 13 centrumsteden.' })
  centrumstad: boolean;

  @Field(() => Boolean, { description: 'Antwerpen or Gent.' })
  grootstad: boolean;

  referenceRegionId: string;

  regiegebiedId: string | null;
}
