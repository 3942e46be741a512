import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A Flemish municipality (owned by the agreements subgraph).' })
@Directive('@key(fields: "nisCode")')
export class Municipality {
  @Field(() => ID)
  nisCode: string;
}
