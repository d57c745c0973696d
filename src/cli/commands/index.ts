import type { Command } from '../command';
import { kb } from './kb';
import { scan } from './scan';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Command[] = [scan, kb];
