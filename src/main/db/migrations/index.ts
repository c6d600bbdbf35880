import type { Db } from '../connection';
import foundation from './0010-foundation';

export interface Migration {
  /** Multiples of 10, in order. A released migration is never edited: add the next one. */
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

export const migrations: readonly Migration[] = [foundation];
