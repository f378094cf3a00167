import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ENTITIES, MODULES, RESOLVERS } from '../src/modules';

const MODULES_DIR = path.resolve(__dirname, '../src/modules');

/** every file of the modules whose name ends in `suffix` */
function filesEndingIn(suffix: string): string[] {
  return fs
    .readdirSync(MODULES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(MODULES_DIR, f));
}

describe('registration by module', () => {
  it('every module folder has an index.ts whose module is listed, under its own name', () => {
    const folders = fs.readdirSync(MODULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders.sort());
    for (const folder of folders) expect(fs.existsSync(path.join(MODULES_DIR, folder, 'index.ts')), folder).toBe(true);
  });

  it('registers every entity class of every *.entity.ts, once', async () => {
    for (const file of filesEndingIn('.entity.ts')) await import(file);
    const declared = new Set(getMetadataArgsStorage().tables.map((t) => t.target));
    expect(new Set(ENTITIES)).toEqual(declared);
    expect(ENTITIES.length).toBe(new Set(ENTITIES).size);
  });

  it('registers every resolver class of every *.resolver.ts, once', async () => {
    for (const file of filesEndingIn('.resolver.ts')) await import(file);
    const declared = new Set(getMetadataStorage().resolverClasses.map((r) => r.target));
    expect(new Set(RESOLVERS)).toEqual(declared);
    expect(RESOLVERS.length).toBe(new Set(RESOLVERS).size);
  });
});
