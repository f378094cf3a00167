import { randomUUID } from 'node:crypto';
import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';

/**
 * Portable column helpers: the same entity metadata must produce sensible DDL on MySQL/MariaDB and on
 * SQLite, so only types both understand are used here.
 */

/** mysql2 returns DECIMAL as a string; SQLite as a number: always hand the code a number (or null) */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** BIGINT comes back as a string from mysql2: audit ids stay far below 2^53, so a number is safe */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** a UTC date-time with milliseconds (datetime(3) on MySQL; ISO text on SQLite) */
export function DateTimeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}

/** a uuid primary/foreign key stored as varchar(36): ids are made by the application, not the database */
export const UUID_LENGTH = 36;
export function newId(): string {
  return randomUUID();
}
