/**
 * A sidecar writer for the crash and permission tests, bundled by them and run
 * as its own process: `node writer.js <article> <mode> <seed>`.
 * loop: tag words and save forever (killed by the test); once: tag one word, save, print what happened.
 */
import { readFileSync } from 'fs';
import { ArticleAnnotations } from '../../../src/core/annotations';
import { decodeArticle } from '../../../src/core/text/offsets';

async function main(): Promise<void> {
  const [article, mode, seed] = process.argv.slice(2);
  const text = decodeArticle(readFileSync(article)).text;
  const store = await ArticleAnnotations.load(article, text);
  const entity = store.defineEntity({ name: `Writer ${seed}`, type: 'organization' });
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: [...text.slice(0, m.index)].length, length: [...m[0]].length }));
  if (mode === 'once') {
    const w = words[Number(seed) % words.length];
    store.tag({ start: w.start, end: w.start + w.length, entity: entity.id });
    try {
      await store.save();
      process.stdout.write(JSON.stringify({ ok: true }) + '\n');
    } catch (e) {
      const err = e as Error;
      process.stdout.write(JSON.stringify({ ok: false, name: err.name, message: err.message, unsaved: store.hasUnsavedChanges, kept: store.annotations().length }) + '\n');
    }
    return;
  }
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const w = words[(n * 7 + Number(seed)) % words.length];
    store.tag({ start: w.start, end: w.start + w.length, entity: entity.id, note: `note ${seed}.${n} ${'x'.repeat(n % 50)}` });
    await store.save();
  }
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
