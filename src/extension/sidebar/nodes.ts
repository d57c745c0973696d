/** The entity tree's nodes: the core's outline, linked to parents so items can be revealed. */
import type { EntityGroup, KindGroup, MentionRef, NamedRef, Orphan, Outline, TypeGroup } from '../../core/workspace/group';

interface Base {
  /** Stable across refreshes, so expansion and selection survive them. */
  id: string;
  parent?: Node;
}
export interface ProblemNode extends Base {
  t: 'problem';
  file: string;
  message: string;
}
export interface OrphansNode extends Base {
  t: 'orphans';
  children: OrphanNode[];
}
export interface OrphanNode extends Base {
  t: 'orphan';
  file: string;
  orphan: Orphan;
}
export interface KindNode extends Base {
  t: 'kind';
  group: KindGroup;
}
export interface TypeNode extends Base {
  t: 'type';
  group: TypeGroup;
}
export interface EntityNode extends Base {
  t: 'entity';
  group: EntityGroup;
}
export interface MentionNode extends Base {
  t: 'mention';
  ref: MentionRef;
}
/** An agreement's Parties, or an actor's Agreements (those it is party to). */
export interface RelationsNode extends Base {
  t: 'parties' | 'agreements';
  group: EntityGroup;
}
/** One party of an agreement (t party), or one agreement an actor is party to (t partyTo). */
export interface RelatedNode extends Base {
  t: 'party' | 'partyTo';
  /** The entity whose relations these are. */
  group: EntityGroup;
  ref: NamedRef;
}
export type Node = ProblemNode | OrphansNode | OrphanNode | KindNode | TypeNode | EntityNode | MentionNode | RelationsNode | RelatedNode;

export function buildNodes(o: Outline, problems: Array<{ file: string; message: string }>): Node[] {
  const roots: Node[] = problems.map((p) => ({ t: 'problem', id: `problem:${p.file}`, file: p.file, message: p.message }));
  if (o.orphans.length) {
    const group: OrphansNode = { t: 'orphans', id: 'orphans', children: [] };
    group.children = o.orphans.map((x) => ({ t: 'orphan', id: `orphan:${x.file}:${x.id}`, parent: group, file: x.file, orphan: x }));
    roots.push(group);
  }
  for (const k of o.kinds) roots.push({ t: 'kind', id: `kind:${k.kind}`, group: k });
  return roots;
}

/** Children are made when first asked for (a node is expanded), so a 10,000-article workspace builds only its roots. */
const made = new WeakMap<Node, Node[]>();

export function childrenOf(node: Node): Node[] {
  if (node.t === 'orphans') return node.children;
  let children = made.get(node);
  if (!children) {
    children = make(node);
    made.set(node, children);
  }
  return children;
}

function make(node: Node): Node[] {
  switch (node.t) {
    case 'kind':
      return node.group.types.map((tg): TypeNode => ({ t: 'type', id: `type:${tg.type}`, parent: node, group: tg }));
    case 'type':
      return node.group.entities.map((eg): EntityNode => ({ t: 'entity', id: `entity:${eg.type}:${eg.entity}`, parent: node, group: eg }));
    case 'entity': {
      const g = node.group;
      const relations: RelationsNode[] = [];
      if (g.parties?.length) relations.push({ t: 'parties', id: `parties:${g.type}:${g.entity}`, parent: node, group: g });
      if (g.partyTo?.length) relations.push({ t: 'agreements', id: `agreements:${g.type}:${g.entity}`, parent: node, group: g });
      return [...relations, ...mentionNodes(node)];
    }
    case 'parties':
    case 'agreements':
      return (node.t === 'parties' ? node.group.parties! : node.group.partyTo!).map((ref): RelatedNode => ({
        t: node.t === 'parties' ? 'party' : 'partyTo',
        id: `${node.id}:${ref.entity}`,
        parent: node,
        group: node.group,
        ref,
      }));
    default:
      return [];
  }
}

function mentionNodes(node: EntityNode): MentionNode[] {
  return node.group.mentions.map((ref): MentionNode => ({
    t: 'mention',
    id: `mention:${ref.file}:${ref.mention.start}:${ref.mention.end}:${node.group.entity}`,
    parent: node,
    ref,
  }));
}
