import { and, desc, eq, ne } from 'drizzle-orm';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { Category } from '../../../common/access/categories';
import { auditLog } from '../../../common/access/tables';
import { domainError, ErrorCode } from '../../../common/errors';
import type { PersonsContext } from '../loaders';
import type { PersonRow } from '../tables';
import { AccessLogEntry } from '../types/access-log';
import { Person } from '../types/person';

@Resolver(() => Person)
export class MeResolver {
  @Category('a')
  @Query(() => Person, { nullable: true, description: "The citizen's own file (role CITIZEN)." })
  me(@Ctx() { caller, loaders }: PersonsContext) {
    if (caller.role !== 'CITIZEN') {
      throw domainError(
        ErrorCode.FORBIDDEN,
        '`me` is the citizen view; partners query `person(id:)`.',
      );
    }
    return loaders.personById.load(caller.sub);
  }

  @Category('a')
  @FieldResolver(() => [AccessLogEntry], {
    nullable: true,
    description: 'Who consulted this file, newest first. Only the citizen may read their own log.',
  })
  async accessLog(@Root() person: PersonRow, @Ctx() { caller, db }: PersonsContext) {
    if (caller.role !== 'CITIZEN' || caller.sub !== person.id) {
      throw domainError(
        ErrorCode.FORBIDDEN,
        'Only the citizen can read the access log of their file.',
      );
    }
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
      else consultations.set(requestId, { ...entry, sources: [source] });
    }
    return [...consultations.values()];
  }
}
