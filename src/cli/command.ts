/** What every CLI command implements; main.ts dispatches by name. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Writes text as it is, no newline added (a line in parts); without it, the parts are joined for `out`. */
  write?(text: string): void;
  /** Resolves when `out` has room again; undefined when it has room now (or never fills). */
  drain?(): Promise<void> | undefined;
}

export interface Command {
  name: string;
  /** One line: arguments and flags. */
  usage: string;
  summary: string;
  /** Resolves to the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for wrong arguments: main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}
