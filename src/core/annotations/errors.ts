/** Typed errors of the annotation store; each names the file it is about. */

export type SidecarErrorReason = 'unreadable' | 'syntax' | 'schema' | 'version' | 'foreign';

/** One problem in a sidecar: where in the JSON (`annotations[2].target`, empty for the whole file) and what. */
export interface SidecarProblem {
  path: string;
  message: string;
}

const REASONS: Record<SidecarErrorReason, string> = {
  unreadable: 'cannot be read',
  syntax: 'is not valid JSON',
  schema: 'does not match the annotations schema',
  version: 'was written by a newer version of Article Annotator',
  foreign: 'does not belong to this article',
};

/**
 * A sidecar that cannot be loaded. The store never overwrites such a file: the
 * article's annotations are read-only until the file is fixed.
 */
export class SidecarError extends Error {
  /** What is wrong, in a few words ("is not valid JSON"). */
  readonly summary: string;

  constructor(
    readonly file: string,
    readonly reason: SidecarErrorReason,
    readonly problems: SidecarProblem[],
  ) {
    const details = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    super(`${file} ${REASONS[reason]}${details.length ? `:\n  ${details.join('\n  ')}` : ''}`);
    this.name = 'SidecarError';
    this.summary = REASONS[reason];
  }
}

/** An operation the store cannot do: unknown annotation or entity id, span outside the text. */
export class AnnotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationError';
  }
}

/** The sidecar kept changing under us while saving; nothing was lost, saving again may succeed. */
export class SidecarBusyError extends Error {
  constructor(readonly file: string) {
    super(`${file} kept changing while saving; try again`);
    this.name = 'SidecarBusyError';
  }
}

/** Another writer held the sidecar's lock for longer than we wait; nothing was written, nothing lost in memory. */
export class SidecarLockTimeoutError extends SidecarBusyError {
  constructor(readonly lockFile: string, readonly waitedMs: number) {
    super(lockFile);
    this.message = `${lockFile} is held by another writer (waited ${waitedMs} ms); try again, or delete the lock if no Article Annotator is running`;
    this.name = 'SidecarLockTimeoutError';
  }
}

/** The sidecar may not be written by this process (its mode or owner); nothing was written, nothing lost in memory. */
export class SidecarPermissionError extends Error {
  constructor(readonly file: string, readonly code: string) {
    super(`${file} cannot be written (${code}): check its permissions`);
    this.name = 'SidecarPermissionError';
  }
}
