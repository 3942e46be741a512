import { signPartnerToken } from '../common/access/partner-token';
import { PERSONAS, personaNamed } from '../common/access/personas';

/** `npm run token -- <persona>`: a development bearer token for one demo persona. */
async function main() {
  const name = process.argv[2];
  if (!name) {
    console.error(
      `Usage: npm run token -- <persona>\n\nPersonas:\n${PERSONAS.map((p) => `  ${p.name.padEnd(20)} ${p.role.padEnd(20)} ${p.description}`).join('\n')}`,
    );
    process.exit(2);
  }
  console.log(await signPartnerToken(personaNamed(name)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
