/**
 * The "Article Annotator" log (Output view; the Show Log command): recognition
 * timings, sidecar reads, writes and merges, and every error with its file.
 * Log lines are for diagnosis and stay English, like VS Code's own logs.
 */
import * as path from 'path';
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;
/** The last lines logged, level first (tests read them through the API; the channel has no reader). */
const recent: string[] = [];
const RECENT_LINES = 1000;

function keep(level: string, message: string): void {
  recent.push(`${level} ${message}`);
  if (recent.length > RECENT_LINES) recent.splice(0, recent.length - RECENT_LINES);
}

export function loggedLines(): readonly string[] {
  return recent;
}

/** Created once at activation; lines logged before (or in tests without it) are dropped. */
export function createLog(name: string): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(name, { log: true });
  return channel;
}

export function showLog(): void {
  channel?.show(true);
}

/** A file as the log names it: relative to the workspace when inside it. */
export function fileName(file: string | vscode.Uri): string {
  const uri = typeof file === 'string' ? vscode.Uri.file(path.resolve(file)) : file;
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : uri.toString();
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const log = {
  trace: (message: string) => channel?.trace(message),
  debug: (message: string) => channel?.debug(message),
  info(message: string): void {
    keep('info', message);
    channel?.info(message);
  },
  warn(message: string): void {
    keep('warn', message);
    channel?.warn(message);
  },
  /** `what` failed because of `e` (its stack goes to the log too). */
  error(what: string, e?: unknown): void {
    const line = e === undefined ? what : `${what}: ${describe(e)}`;
    keep('error', line);
    channel?.error(e instanceof Error && e.stack ? `${line}\n${e.stack}` : line);
  },
};

/** Milliseconds since `t0` (performance.now()), rounded for the log. */
export function since(t0: number): string {
  return `${Math.round(performance.now() - t0)} ms`;
}
