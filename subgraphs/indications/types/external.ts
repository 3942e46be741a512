import { PersonKey } from '../../../common/access/categories';
import { areaKeyTypes } from '../../../common/statistics/areas';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person (owned by the persons subgraph).' })
@Directive('@key(fields: "id")')
@PersonKey('id')
export class Person {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'A municipality (owned by the agreements subgraph).' })
@Directive('@key(fields: "nisCode")')
export class Municipality {
  @Field(() => ID)
  nisCode: string;
}

@ObjectType({ description: 'A vacancy (owned by the maatwerk subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class Vacancy {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'An employer (owned by the maatwerk subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class Employer {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'A collaboration agreement (owned by the agreements subgraph).' })
@Directive('@key(fields: "id", resolvable: false)')
export class CollaborationAgreement {
  @Field(() => ID)
  id: string;
}

/** The higher areas by key, to add this subgraph's figures to (see areaKeyTypes). */
export const { Province, ReferenceRegion, Flanders, orphanedTypes: AREA_TYPES } = areaKeyTypes();
