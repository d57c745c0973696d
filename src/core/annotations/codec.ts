/** Sidecar bytes <-> document: strict parsing with typed errors, stable output. */
import { SidecarError, type SidecarProblem } from './errors';
import { SIDECAR_VERSION, SidecarSchema, type SidecarDoc } from './schema';

/** Parse a sidecar's bytes. Throws SidecarError (naming `file`) for bad UTF-8 or JSON, a newer version, or a schema violation. */
export function parseSidecar(bytes: Uint8Array, file: string): SidecarDoc {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new SidecarError(file, 'syntax', [{ path: '', message: 'not UTF-8' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new SidecarError(file, 'syntax', [{ path: '', message: describeJsonError(json, e) }]);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    throw new SidecarError(file, 'version', [
      { path: 'version', message: `version ${version}; this version reads version ${SIDECAR_VERSION}. Update the extension.` },
    ]);
  }
  const result = SidecarSchema.safeParse(value);
  if (!result.success) {
    const problems: SidecarProblem[] = result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
    throw new SidecarError(file, 'schema', problems);
  }
  return result.data;
}

/** Stable text: 2-space indent, trailing newline (sorting is the caller's, see records.ts). */
export function serializeSidecar(doc: SidecarDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** `annotations[2].target.selector[0].start`; empty for the whole document. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** The parser's message with the position turned into line and column. */
function describeJsonError(json: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = json.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '') + ` (line ${line}, column ${column})`;
}
