import { registerEnumType } from 'type-graphql';

export type EnumValues = readonly [string, ...string[]];
export type EnumObject<Values extends EnumValues> = { [Value in Values[number]]: Value };

/**
 * Declares a domain enum once: the value list feeds the drizzle `pgEnum`, the returned object is the
 * GraphQL enum. Values are the domain's own codes (DOMAIN A.4), so GraphQL and SQL agree.
 */
export function domainEnum<const Values extends EnumValues>(
  name: string,
  values: Values,
  description?: string,
): EnumObject<Values> & { readonly values: Values } {
  const object = Object.fromEntries(values.map((value) => [value, value])) as EnumObject<Values>;
  registerEnumType(object, { name, description });
  return Object.defineProperty(object, 'values', {
    value: values,
    enumerable: false,
  }) as EnumObject<Values> & {
    readonly values: Values;
  };
}

/** The union of an enum's values: `EnumValue<typeof AdviceType>` is `'CMW' | 'IMW' | …`. */
export type EnumValue<Enum extends { readonly values: EnumValues }> = Enum['values'][number];
