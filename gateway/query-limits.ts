import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext } from 'graphql';

import { config } from '../common/config';
import { ErrorCode } from '../common/errors';

/** Marks the errors of a limit; Apollo Server keeps extensions when it wraps validation errors. */
const LIMIT_EXTENSION = 'queryLimit';

/** Reports a rejection once, without Armor's "Syntax Error" wording and generic code. */
function reportRejection(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { [LIMIT_EXTENSION]: true },
    }),
  );
}

/**
 * Limits on the shape of an operation, checked when it is validated, before anything is planned
 * or fetched: depth, aliases and directives by GraphQL Armor, tokens by graphql-js's own parser
 * (Armor's Apollo plugin for tokens answers every syntax error with a 500). Cost and size need
 * the variables, so they are weighed right after validation (operation-checks.ts), in place of
 * Armor's cost, which saw literal `first`s only. Defaults let the product's own operations
 * through (the dashboard, the caseload, the cross-subgraph reach queries of the tests) and each
 * is configurable.
 */
export function queryLimits() {
  const rejection = () => ({ propagateOnRejection: false, onReject: [reportRejection] });
  const armor = new ApolloArmor({
    maxDepth: { n: config.QUERY_MAX_DEPTH, flattenFragments: true, ...rejection() },
    maxAliases: { n: config.QUERY_MAX_ALIASES, ...rejection() },
    maxDirectives: { n: config.QUERY_MAX_DIRECTIVES, ...rejection() },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // withoutSuggestions removes every kind, not fields only.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.QUERY_MAX_TOKENS },
  };
}

/** graphql-js's own words (sic: "more that") when a document has more tokens than `maxTokens`. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** An operation refused by a limit, as the partner sees it: QUERY_TOO_COMPLEX and which limit. */
export function tooComplexError(
  formatted: GraphQLFormattedError,
): GraphQLFormattedError | undefined {
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (!formatted.extensions?.[LIMIT_EXTENSION] && !tokens) return undefined;
  return {
    message: tokens ? `The operation has more than ${tokens[1]} tokens.` : formatted.message,
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
  };
}

/** graphql-js's suggestion, for a field, argument, type or enum value: ` Did you mean "NWWZ"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * An error without graphql-js's suggestions ("Did you mean …"): they would map the schema, field
 * by field and enum value by enum value, for a caller that may not introspect it.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
