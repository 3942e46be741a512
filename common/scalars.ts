import { DateResolver, DateTimeResolver } from 'graphql-scalars';

/** `Date` (ISO-8601 calendar date) and `DateTime` (ISO-8601 instant), as DOMAIN A.4 names them. */
export const DateScalar = DateResolver;
export const DateTimeScalar = DateTimeResolver;
