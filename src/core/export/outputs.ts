/**
 * The files an export writes into an output folder, named so that no output replaces an input:
 * brat documents are named after the article's stem (`a.ann`, `a.txt`), or after its whole file name
 * (`a.md.ann`, `a.md.txt`) when two articles share a stem or the stem name would hit an article or a
 * sidecar; a further clash, and the collections (annotations.jsonld / .jsonl / .csv), get `-2`, `-3`… before
 * the extension. Every rename is reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sidecarPathFor } from '../annotations/files';
import { toBrat } from './brat';
import { toCsv } from './csv';
import { toJsonl } from './jsonl';
import type { ExportDocument } from './types';
import { toW3c } from './w3c';

export interface OutputFile {
  /** Absolute path to write. */
  target: string;
  content: string;
  /** Why the plain name was not used, when it was not. */
  renamed?: string;
}

export interface PlannedOutput {
  files: OutputFile[];
}

type Format = 'brat' | 'w3c' | 'jsonl' | 'csv';

/** The same file however it is named (symlinks, relative paths). */
function identity(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

const stemOf = (source: string) => source.replace(/\.[^./]*$/, '');

/**
 * `articles` are the input articles' paths (their sidecars are protected too), `docs` the documents in the
 * same order, `outDir` the folder to write into.
 */
export function planOutputs(format: Format, docs: ExportDocument[], articles: string[], outDir: string): PlannedOutput {
  const protectedPaths = new Map<string, string>();
  for (const a of articles) {
    protectedPaths.set(identity(a), `article ${a}`);
    protectedPaths.set(identity(sidecarPathFor(a)), `sidecar ${sidecarPathFor(a)}`);
  }
  const taken = new Set<string>();
  const hit = (names: string[]) => names.map((n) => identity(path.join(outDir, n))).find((t) => protectedPaths.has(t) || taken.has(t));
  const claim = (names: string[]) => names.forEach((n) => taken.add(identity(path.join(outDir, n))));
  const numbered = (base: string, ext: string, i: number) => (i === 1 ? `${base}${ext}` : `${base}-${i}${ext}`);

  if (format !== 'brat') {
    const [base, ext] = ['annotations', format === 'w3c' ? '.jsonld' : format === 'csv' ? '.csv' : '.jsonl'];
    let i = 1;
    let why: string | undefined;
    for (let clash = hit([numbered(base, ext, i)]); clash; clash = hit([numbered(base, ext, ++i)])) {
      why ??= `${path.join(outDir, numbered(base, ext, 1))} would overwrite the ${protectedPaths.get(clash) ?? 'another output'}`;
    }
    const content = format === 'w3c' ? toW3c(docs) : format === 'csv' ? toCsv(docs) : toJsonl(docs);
    return { files: [{ target: path.resolve(outDir, numbered(base, ext, i)), content, renamed: why }] };
  }

  const stemCount = new Map<string, number>();
  for (const d of docs) stemCount.set(stemOf(d.source), (stemCount.get(stemOf(d.source)) ?? 0) + 1);
  const files: OutputFile[] = [];
  for (const d of docs) {
    const stem = stemOf(d.source);
    const pair = (base: string) => [`${base}.ann`, `${base}.txt`];
    let base = stem;
    let why: string | undefined;
    if ((stemCount.get(stem) ?? 0) > 1) {
      why = `another article has the stem ${stem}`;
      base = d.source;
    } else {
      const clash = hit(pair(stem));
      if (clash) {
        why = `${path.join(outDir, stem)}.ann/.txt would overwrite the ${protectedPaths.get(clash) ?? 'another output'}`;
        base = d.source;
      }
    }
    let candidate = base;
    for (let i = 2, clash = hit(pair(candidate)); clash; clash = hit(pair(candidate)), i++) {
      why ??= `${path.join(outDir, candidate)}.ann/.txt would overwrite the ${protectedPaths.get(clash) ?? 'another output'}`;
      candidate = `${base}-${i}`;
    }
    base = candidate;
    claim(pair(base));
    files.push(
      { target: path.resolve(outDir, `${base}.ann`), content: toBrat(d), renamed: why },
      { target: path.resolve(outDir, `${base}.txt`), content: d.text, renamed: why },
    );
  }
  return { files };
}
