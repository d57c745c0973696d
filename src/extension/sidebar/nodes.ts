/** The entity tree's nodes: the core's outline, linked to parents so items can be revealed. */
import type { EntityGroup, KindGroup, MentionRef, Orphan, Outline, TypeGroup } from '../../core/workspace/group';

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
  children: TypeNode[];
}
export interface TypeNode extends Base {
  t: 'type';
  group: TypeGroup;
  children: EntityNode[];
}
export interface EntityNode extends Base {
  t: 'entity';
  group: EntityGroup;
  children: MentionNode[];
}
export interface MentionNode extends Base {
  t: 'mention';
  ref: MentionRef;
}
export type Node = ProblemNode | OrphansNode | OrphanNode | KindNode | TypeNode | EntityNode | MentionNode;

export function buildNodes(o: Outline, problems: Array<{ file: string; message: string }>): Node[] {
  const roots: Node[] = problems.map((p) => ({ t: 'problem', id: `problem:${p.file}`, file: p.file, message: p.message }));
  if (o.orphans.length) {
    const group: OrphansNode = { t: 'orphans', id: 'orphans', children: [] };
    group.children = o.orphans.map((x) => ({ t: 'orphan', id: `orphan:${x.file}:${x.id}`, parent: group, file: x.file, orphan: x }));
    roots.push(group);
  }
  for (const k of o.kinds) {
    const kind: KindNode = { t: 'kind', id: `kind:${k.kind}`, group: k, children: [] };
    kind.children = k.types.map((tg) => {
      const type: TypeNode = { t: 'type', id: `type:${tg.type}`, parent: kind, group: tg, children: [] };
      type.children = tg.entities.map((eg) => {
        const entity: EntityNode = { t: 'entity', id: `entity:${eg.type}:${eg.entity}`, parent: type, group: eg, children: [] };
        entity.children = eg.mentions.map((ref) => ({
          t: 'mention',
          id: `mention:${ref.file}:${ref.mention.start}:${ref.mention.end}:${eg.entity}`,
          parent: entity,
          ref,
        }));
        return entity;
      });
      return type;
    });
    roots.push(kind);
  }
  return roots;
}

export function childrenOf(node: Node): Node[] {
  return 'children' in node ? node.children : [];
}
