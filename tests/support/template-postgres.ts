import postgres from 'postgres';

import { openDatabase } from '../../common/db/connection';
import { STALE_AFTER_MS, type Template } from './template';

const PREFIX = 'maatwerk_template_';

/** PostgreSQL's SQLSTATE for a database that has sessions (object_in_use). */
const IN_USE = '55006';

export function adminConnection(url: string): postgres.Sql {
  return postgres(url, { max: 1, onnotice: () => undefined });
}

export function databaseUrl(url: string, database: string): string {
  const result = new URL(url);
  result.pathname = `/${database}`;
  return result.toString();
}

/**
 * The name of a database holding the template, to `create database … template` from. It stays
 * on the server, so the first test file that needs it builds it and the other jest workers, and
 * later runs on the same code, copy it.
 */
export async function postgresTemplate(url: string, template: Template): Promise<string> {
  const name = `${PREFIX}${template.version}_${template.name}`;
  const admin = adminConnection(url);
  try {
    // One session at a time per template, across workers and runs; ending the session unlocks.
    await admin`select pg_advisory_lock(hashtext(${name}))`;
    if (!(await exists(admin, name))) {
      await build(url, admin, template, name);
      await dropStale(admin, template.version);
    }
    // The comment says when the template was last used, see dropStale.
    await admin.unsafe(`comment on database ${name} is '${new Date().toISOString()}'`);
  } finally {
    await admin.end();
  }
  return name;
}

async function exists(admin: postgres.Sql, name: string): Promise<boolean> {
  const rows = await admin`select 1 from pg_database where datname = ${name}`;
  return rows.length > 0;
}

/**
 * Builds under another name and renames when done, so a build cut short leaves no half
 * template. Renaming waits for the builder's sessions to end: a database can only be copied
 * while nobody is connected to it.
 */
async function build(url: string, admin: postgres.Sql, template: Template, name: string) {
  const building = `${name}_build`;
  await admin.unsafe(`drop database if exists ${building}`);
  await admin.unsafe(`create database ${building}`);
  const database = await openDatabase({ url: databaseUrl(url, building) });
  try {
    await template.build(database);
  } finally {
    await database.close();
  }
  await admin.unsafe(`alter database ${building} rename to ${name}`);
}

/** Templates of other versions (and their cut-short builds) unused for a while. */
async function dropStale(admin: postgres.Sql, version: string): Promise<void> {
  const unusedSince = new Date(Date.now() - STALE_AFTER_MS).toISOString();
  const stale = await admin<{ datname: string }[]>`
    select datname from pg_database
    where starts_with(datname, ${PREFIX}) and not starts_with(datname, ${`${PREFIX}${version}_`})
      and coalesce(shobj_description(oid, 'pg_database'), '-infinity')::timestamptz
        < ${unusedSince}::timestamptz`;
  for (const { datname } of stale) {
    try {
      await admin.unsafe(`drop database if exists ${datname}`);
    } catch (error) {
      // Someone is connected (a build of another run, say): it is not stale after all.
      if ((error as postgres.PostgresError).code !== IN_USE) throw error;
    }
  }
}
