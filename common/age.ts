/**
 * Age bands used for profiles and statistics; 18-64 is the working-age range of the domain. `on`
 * is the ISO day the age is taken on: the product's today (common/clock.ts), never the machine's.
 */
export function ageBand(birthDate: string, onDay: string): string {
  const birth = new Date(`${birthDate}T00:00:00Z`);
  const on = new Date(`${onDay}T00:00:00Z`);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  if (age < 18) return 'UNDER_18';
  if (age < 25) return '18_24';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  if (age < 55) return '45_54';
  if (age < 65) return '55_64';
  return '65_PLUS';
}
