import { Field, InputType } from 'type-graphql';
import { z } from 'zod';

import { isoDate } from '../dates';
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

/** The id of the record a mutation works on, or refers to. */
export const idRule = z.string().trim().min(1, 'must not be empty');

/** The optional key that makes a mutation happen once however often it is sent. */
export const idempotencyKeyRule = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')
  .nullish();

/** The input of every mutation: its own fields, and the optional idempotency key. */
@InputType()
export abstract class MutationInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Send the same key again (for instance after a timeout) and the mutation happens once.',
  })
  idempotencyKey?: string | null;
}

/** A `Date` scalar value (midnight UTC of its day) as the calendar date the tables keep. */
export const calendarDateRule = (what = 'a date') => z.date(`must be ${what}`).transform(isoDate);
