import type { Command } from '../command';
import { kb } from './kb';
import { scan } from './scan';
import { confirm } from './confirm';
import { tag } from './tag';
import { validate } from './validate';
import { exportCommand } from './export';
import { adopt } from './adopt';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Command[] = [scan, kb, confirm, tag, validate, adopt, exportCommand];
