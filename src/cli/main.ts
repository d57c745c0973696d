import { once } from 'events';
import * as v8 from 'v8';
import { commands } from './commands';
import { UsageError, type CliIO } from './command';
import { parseSize, setDefaultMaxArticleSize } from '../core/text/article';

const io: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  write: (text) => process.stdout.write(text),
  // A pipe to a slow reader buffers every write in memory: scan waits for it to drain (one wait for
  // all who ask meanwhile, not a listener each).
  drain: () => {
    if (!process.stdout.writableNeedDrain) return undefined;
    return (draining ??= once(process.stdout, 'drain').then(() => void (draining = undefined)));
  },
};
let draining: Promise<void> | undefined;

function help(): string {
  const rows = commands.map((c) => `  ${c.name} ${c.usage}\n      ${c.summary}`);
  return `usage: article-annotator <command> [options]\n\ncommands:\n${rows.join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`article-annotator: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(takeMaxSize(rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`article-annotator ${name}: ${e.message}\nusage: article-annotator ${name} ${command.usage}`);
      return 2;
    }
    throw e;
  }
}

/** `--max-size <bytes|NMB>` is understood by every command that reads articles: taken out here, once. */
function takeMaxSize(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = a.startsWith('--max-size=') ? a.slice('--max-size='.length) : null;
    if (a !== '--max-size' && inline === null) {
      out.push(a);
      continue;
    }
    const value = inline ?? args[++i];
    const bytes = value === undefined ? null : parseSize(value);
    if (bytes === null) throw new UsageError(`--max-size takes a size in bytes or like 20MB, not '${value ?? ''}'`);
    setDefaultMaxArticleSize(bytes);
  }
  return out;
}

if (require.main === module) {
  // A full collection lets the old generation grow by a fifth over what it kept; by default V8 lets it
  // reach several times that, so a 50 MB article took 1.6 GB (now under 1 GB) and a 100 MB corpus
  // 270–300 MB (now ~245) for the same CPU time. V8 reads the flag at every full collection.
  v8.setFlagsFromString('--heap-growing-percent=20');
  // A closed pipe (scan … | head) ends the output, not the program with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`article-annotator: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
