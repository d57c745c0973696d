/** Registers every command. */
import type * as vscode from 'vscode';
import { registerAlias } from './alias';
import type { Services } from './context';
import { registerDecisions } from './decide';
import { registerEntityCommands } from './entities';
import { registerNavigation } from './navigate';
import { registerSample } from './sample';
import { registerParties } from './parties';
import { registerSidecarCommands } from './sidecar';
import { registerTag } from './tag';
import { registerViewCommands } from './view';

export function registerCommands(s: Services): vscode.Disposable[] {
  return [
    ...registerTag(s),
    ...registerDecisions(s),
    ...registerParties(s),
    ...registerEntityCommands(s),
    ...registerAlias(s),
    ...registerNavigation(s),
    ...registerSidecarCommands(s),
    ...registerViewCommands(s),
    ...registerSample(s),
  ];
}
