import { AnnotationError } from '../../core/annotations';
import { ACTOR_TYPES, AGREEMENT_TYPES, type EntityType } from '../../core/model';
import { UsageError, type Command } from '../command';
import { knowledgeBaseOrReport, openAnnotated, parseOptions, saveOrReport } from './confirm';


const TYPES: readonly string[] = [...ACTOR_TYPES, ...AGREEMENT_TYPES];

function offset(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`--${flag} is required`);
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a code point offset (0 or more), not '${value}'`);
  return Number(value);
}

export const tag: Command = {
  name: 'tag',
  usage: '<article> --start N --end M --type T (--entity ID | --name NAME) [--note TEXT]',
  summary: 'annotate the span [N, M) (code points) with an entity; --name defines a new entity in the annotations file',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      start: { type: 'string' },
      end: { type: 'string' },
      type: { type: 'string' },
      entity: { type: 'string' },
      name: { type: 'string' },
      note: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('name one article');
    const start = offset('start', values.start);
    const end = offset('end', values.end);
    if (!values.type || !TYPES.includes(values.type)) throw new UsageError(`--type must be one of ${TYPES.join(', ')}`);
    const type = values.type as EntityType;
    if ((values.entity === undefined) === (values.name === undefined)) throw new UsageError('give either --entity ID or --name NAME');
    const article = positionals[0];
    const kb = knowledgeBaseOrReport('tag', article, io);
    if (!kb) return 1;
    const opened = await openAnnotated('tag', article, io, { kb });
    if (!opened) return 1;
    const { store } = opened;
    try {
      const entity = values.name !== undefined ? store.defineEntity({ name: values.name, type }).id : values.entity!;
      const a = store.tag({ start, end, entity, type, note: values.note });
      if (!(await saveOrReport('tag', store, io))) return 1;
      io.out(`tagged ${a.start}-${a.end} '${a.quote.exact}' as ${a.type} → ${a.entity} (${a.id}) in ${store.sidecarPath}`);
      return 0;
    } catch (e) {
      if (!(e instanceof AnnotationError)) throw e;
      io.err(`article-annotator tag: ${e.message}`);
      return 1;
    }
  },
};
