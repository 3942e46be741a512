import type { z } from 'zod';

import { badUserInput } from '../errors';

/**
 * Checks a mutation's input against every rule of its schema before anything is written; the
 * first broken rule becomes BAD_USER_INPUT naming the field (`input.reasonText`) and the rule.
 */
export function validInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  argument = 'input',
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw badUserInput([argument, ...issue.path.map(String)].join('.'), issue.message);
}
