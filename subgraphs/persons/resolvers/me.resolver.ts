import { and, desc, eq, ne } from 'drizzle-orm';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { Category, SelfOnly } from '../../../common/access/categories';
import { auditLog } from '../../../common/access/tables';
import type { PersonsContext } from '../loaders';
import type { PersonRow } from '../tables';
import { AccessLogEntry } from '../types/access-log';
import { Person } from '../types/person';

@Resolver(() => Person)
export class MeResolver {
  @SelfOnly()
  @Category('a')
  @Query(() => Person, { nullable: true, description: "The citizen's own file (role CITIZEN)." })
  me(@Ctx() { caller, loaders }: PersonsContext) {
    return loaders.personById.load(caller.sub);
  }

  @SelfOnly()
  @Category('a')
  @FieldResolver(() => [AccessLogEntry], {
    nullable: true,
    description: 'Who consulted this file, newest first. Only the citizen may read their own log.',
  })
  async accessLog(@Root() person: PersonRow, @Ctx() { caller, db }: PersonsContext) {
    const rows = await db
      .select({
        requestId: auditLog.requestId,
        at: auditLog.at,
        organisation: auditLog.org,
        purpose: auditLog.purpose,
        source: auditLog.subgraph,
      })
      .from(auditLog)
      // The citizen's own reads are logged too, but are not "someone consulting my file".
      .where(and(eq(auditLog.personId, person.id), ne(auditLog.org, caller.org)))
      .orderBy(desc(auditLog.at))
      .limit(2000);
    // One consultation is one request, logged once per subgraph it read from.
    const consultations = new Map<string, AccessLogEntry>();
    for (const { requestId, source, ...entry } of rows) {
      const known = consultations.get(requestId);
      if (known) known.sources = [...new Set([...known.sources, source])].sort();
      else consultations.set(requestId, { ...entry, personId: person.id, sources: [source] });
    }
    return [...consultations.values()];
  }
}
