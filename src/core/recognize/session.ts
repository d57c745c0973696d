/**
 * Recognition of one article, kept up to date as it changes. The text is cut
 * into regions of whole lines (regions.ts); everything that reads the text is
 * done per region and cached by the region's text and the few article-wide
 * facts it depends on; what spans regions — which entities the article
 * names, its people's surnames, agreement linking and short names, which
 * statement came first — is recomputed from the cached per-region results,
 * cheaply. After an edit only the regions it touched read their text again.
 *
 * A session without a cache (recognize()) runs the same stages, so
 * incremental results equal full recognition by construction; the property
 * test in test/unit/recognize-incremental.test.ts checks it on random edits.
 *
 * Stages of a region (each cached with the key of its inputs):
 *   1. normalize, blank markup, scan the trie; dictionary names, compounds,
 *      fixed patterns, composed organizations compete leftmost-longest; the
 *      entities found there; title, byline, given-name and body candidates.
 *   2. given the entities the whole article names (only those this region asks
 *      about): contextual forms, then the leftmost-longest choice of all.
 *   3. given the article's people: their surnames, readings, names right after
 *      an actor, where nothing else was chosen.
 *   4. given whether a statement was named before: agreement candidates.
 *   5. given the article's defined short names of agreements: their uses.
 *   6. short names defined for actors, and their uses anywhere in the article.
 * Then parties: each region's sentences give evidence for its agreement mentions
 * (cached), gathered per document across the article (parties.ts).
 */
import type { KnowledgeBase } from '../kb';
import type { Mention } from '../model';
import { kindOf } from '../model';
import { answerMentions, type Answer } from './answer';
import { normalize } from '../text/normalize';
import { OffsetIndex } from '../text/offsets';
import { compoundCands, composedOrgCands, dictionaryCands, englishComposedCands, fixedPatternCands } from './actors';
import { acronymDefinitions, definedUses, firstDefinitions, type DefinedAcronym, type Offsets } from './acronyms';
import { documentParties, partyEvidence, sameList, setParties, type PartyEvidence } from './parties';
import { acronymUses, agreementCands, linkAgreements, namesKnownStatement, type AgreementItem } from './agreements';
import { bodyCands } from './bodies';
import { scan, type Hits } from './candidates';
import { compile, type CompiledKb } from './compile';
import type { Ctx } from './context';
import { docKey, linkSurnames, namedPart, type NamedPart } from './link';
import { maskMarkup } from './markup';
import { bylineCands, givenNameCands, readingCands, surnameCands, surnameNeedles, titlePatternCands, type SurnameNeedle } from './people';
import { lastAtMost, recut, type TextCuts } from './regions';
import { afterActorCands, contextualCands, coverage, fillGaps, partsOf, orgReadingCands, preferPresent, withoutTitleCuts } from './rules';
import { chooseLeftmostLongest, type Cand, type Part } from './span';

interface Region {
  /** The region's original text (its cache key). */
  text: string;
  ctx: Ctx;
  /** Code points in `text`. */
  codePoints: number;
  // Stage 1.
  base: Cand[];
  local: Cand[];
  named: string[];
  /** Entities whose presence in the article changes stage 2 here. */
  asks: string[];
  knownStatement: boolean;
  // Stage 2: the choice, and the people in it with the text of their names.
  key2?: string;
  gen2: number;
  chosen?: Cand[];
  people?: Array<{ name: string; entity: Part }>;
  /** Their names and entities, in order (what the article's needles are made of). */
  peopleSig?: string;
  // Stage 3 (gen3 counts its recomputations, so stage 4 knows its input changed).
  key3?: string;
  /** The needles' positions of `skip` as text, for the stage-3 key (made once per skip map). */
  skipKey?: string;
  skipKeyOf?: Map<number, number>;
  /** This region's needles (by index) and the position of the mention each comes from. */
  skip?: Map<number, number>;
  parts?: NamedPart[];
  /** The parts with people's short names linked across the article (linkPeople), for stage-3 generation linkedGen. */
  linked?: Part[];
  linkedGen?: number;
  /** The names and entities of its people, in order ('' for none), and the entities linking gave them. */
  personSig: string;
  linkedPeople?: Array<{ entity: string; qid: string | null }>;
  gen3: number;
  // Stage 4: computed from stage 3's gen4 and the statement flag saw4 (gen4Count: its recomputations).
  gen4: number;
  saw4: boolean;
  gen4Count: number;
  items?: AgreementItem[];
  statementAfter?: boolean;
  // Stage 5: uses of each defined short name, by name.
  key5?: string;
  uses?: Map<string, number[]>;
  /**
   * The code point where the region stood when its mentions were first made: all its mention
   * lists are in offsets from that base, never moved; an answer says how far the region is from it.
   */
  at?: number;
  // Mentions of the actors, cached with the entities they were made for.
  actorMentions?: Mention[];
  actorParts?: Part[];
  /** Their spans in the normalized text (flat pairs), for the parties' sentences. */
  actorSpans?: number[];
  // The same of the agreements, and the order merging both (for the actor mentions whose spans are mergeActors).
  agreementMentions?: Mention[];
  agreementParts?: Part[];
  agreementSpans?: number[];
  mergeOrder?: number[];
  mergeSpans?: number[];
  mergeActors?: number[];
  // What the region's sentences say of its agreements' parties, with the key of what it read.
  partiesKey?: number[];
  // Stage 6: short names defined here for actors (code points from the region's start), and uses of the article's.
  defs?: DefinedAcronym[];
  defsGen?: number;
  definedUses?: Mention[];
  usesVersion?: number;
  usesGen?: number;
  index?: OffsetIndex;
  evidence?: PartyEvidence[];
  /** The region's actor and agreement mentions merged (with the parties setParties gave), and the lists they came from. */
  merged?: Mention[];
  mergedOf?: [Mention[], Mention[] | undefined];
  /** Which of `merged` parties read (agreements, countries), for the `mergedOf` they were taken from. */
  picks?: number[];
  picksOf?: [Mention[], Mention[] | undefined];
  /** `merged` with the uses of defined short names (stage 6): the region's answer, and what it was made of. */
  answer?: Mention[];
  answerOf?: [Mention[], Mention[] | undefined];
}

export class RecognitionSession {
  private readonly ckb: CompiledKb;
  /** The last text, its cuts (with whether a tag was open at each), regions and front matter end. */
  private last: { cuts: TextCuts; regions: Region[] } | undefined;
  /** Entities named in stage 1, with how many regions name them; the set of those named, and whether it changed this update. */
  private readonly counts = new Map<string, number>();
  private readonly present = new Set<string>();
  private presentChanged = true;
  /** Stage 3: the article's surname needles, made from the regions naming people (with their stage-2 generations). */
  private needles: SurnameNeedle[] = [];
  private needlesKey = '';
  private needlesVersion = 0;
  private withPeople: Region[] = [];
  private peopleGens: number[] = [];
  /** Each needle's person: [index in withPeople, index in that region's people]. */
  private needleOwners: Array<[number, number]> = [];
  /** The regions holding people at the last surname linking, with their stage-3 generations. */
  private linkedRegions: Region[] = [];
  private linkedGens: number[] = [];
  /** The agreement items at the last linking, and its parts (ids made with DOC_KEY). */
  private linkedItems: AgreementItem[] = [];
  private itemLinks: Part[] = [];
  private itemParts: Part[] = [];
  private idsFor: { key: string; links: Part[]; ids: string[] } | undefined;
  /** Stage 5 and 6: the defined short names of agreements and of actors, each with a version bumped when they change. */
  private acronymsKey = '';
  private acronymsVersion = 0;
  private definedKey = '';
  private definedVersion = 0;
  private used = false;
  /** What the documents' parties were last read from (agreements and countries, evidence), and them. */
  private partiesFrom: { read: Mention[]; evidence: PartyEvidence[]; parties: Map<string, string[]> } | undefined;

  /**
   * `once`: the text is recognized this one time (recognize(), scans): each region's data is let
   * go as soon as no later stage reads it, so a long article's peak memory stays low. Such a
   * session must not be updated again.
   */
  constructor(private readonly kb: KnowledgeBase, private readonly once = false) {
    this.ckb = compile(kb);
  }

  /** The mentions of `text` (BOM removed by the caller), offsets in code points. */
  update(text: string): Mention[] {
    return answerMentions(this.answer(text));
  }

  /**
   * The mentions of `text` as an answer: per region, its mention list and how far it moved since
   * the list was made. Lists are kept from update to update while they stay the same, so the
   * answer to a keystroke differs from the last in a few lists only (answerDelta, answer.ts).
   */
  answer(text: string): Answer {
    if (this.used && this.once) throw new Error('RecognitionSession: a session made for one text was updated again');
    this.used = true;
    const regions = this.regionsOf(text);

    // Stage 2: what the article names decides contextual forms everywhere.
    const present = this.present;
    const presentChanged = this.presentChanged;
    for (const r of regions) {
      if (r.chosen && !presentChanged) continue;
      const key = r.asks.filter((id) => present.has(id)).join('\u0000');
      if (r.key2 === key && r.chosen) continue;
      const extra = [...contextualCands(r.ctx, present), ...r.local];
      r.chosen = chooseLeftmostLongest([...r.base, ...extra].map((c) => preferPresent(c, present, r.ctx)));
      r.people = [];
      for (const p of partsOf(r.chosen)) if (p.type === 'person') r.people.push({ name: r.ctx.t.slice(p.s, p.e), entity: p });
      r.peopleSig = r.people.map((p) => `${p.name}\u0001${p.entity.entity}\u0001${p.entity.qid}`).join('\u0000');
      r.key2 = key;
      r.key3 = undefined;
      r.gen2++;
      // One text only: what stage 2 read is let go region by region, not after the last one.
      if (this.once) r.base = r.local = NONE;
    }

    // Stage 3: the article's people, their surnames and readings. The needles are read again
    // only when the regions naming people, or their choices, changed.
    const withPeople = regions.filter((r) => r.people!.length);
    const last = this.withPeople;
    const changed = withPeople.length !== last.length || withPeople.some((r, i) => last[i] !== r || this.peopleGens[i] !== r.gen2);
    // The same people in the same order (an edit beside them): the same needles; only their own places move.
    const alike = changed && withPeople.length === last.length && withPeople.every((r, i) => r.peopleSig === last[i].peopleSig);
    if (alike) {
      for (const r of regions) r.skip = undefined;
      this.needleOwners.forEach(([i, j], k) => {
        const r = withPeople[i];
        (r.skip ??= new Map()).set(k, r.people![j].entity.s);
      });
      this.withPeople = withPeople;
      this.peopleGens = withPeople.map((r) => r.gen2);
    } else if (changed) {
      const people: Array<{ name: string; entity: Part }> = [];
      const owner: Region[] = [];
      const ownerAt: Array<[number, number]> = [];
      withPeople.forEach((r, i) => {
        r.people!.forEach((p, j) => {
          people.push(p);
          owner.push(r);
          ownerAt.push([i, j]);
        });
      });
      this.needles = surnameNeedles(people);
      const needlesKey = this.needles.map((n) => `${n.needle}\u0001${n.entity.entity}\u0001${n.entity.qid}`).join('\u0000');
      if (needlesKey !== this.needlesKey) {
        this.needlesKey = needlesKey;
        this.needlesVersion++;
      }
      // A needle's own mention is no later use of it: where each region holds one.
      for (const r of regions) r.skip = undefined;
      this.needles.forEach((n, k) => {
        const r = owner[n.from];
        (r.skip ??= new Map()).set(k, people[n.from].entity.s);
      });
      this.needleOwners = this.needles.map((n) => ownerAt[n.from]);
      this.withPeople = withPeople;
      this.peopleGens = withPeople.map((r) => r.gen2);
    }
    const none = new Map<number, number>();
    const plain = `${this.needlesVersion}:`;
    for (const r of regions) {
      if (r.skip && r.skipKeyOf !== r.skip) {
        r.skipKey = [...r.skip].join(',');
        r.skipKeyOf = r.skip;
      }
      const key = r.skip ? plain + r.skipKey : plain;
      if (r.key3 === key && r.parts) continue;
      r.parts = stage3(r, this.needles, r.skip ?? none, this.ckb);
      r.personSig = r.parts
        .filter((np) => np.part.type === 'person')
        .map((np) => `${np.name}\u0001${np.part.entity}\u0001${np.part.qid}\u0001${np.surnames.join('\u0002')}`)
        .join('\u0000');
      r.key3 = key;
      r.gen3++;
      if (this.once) {
        // Stage 4 reads the names found and the agreement heads of the scan, nothing else of stages 2 and 3.
        r.chosen = undefined;
        r.people = undefined;
        const h = r.ctx.hits;
        r.ctx.hits = { ...NO_HITS, free: h.free, heads: h.heads, abbrJa: h.abbrJa, abbrKo: h.abbrKo };
      }
    }

    this.linkPeople(regions);

    // Stage 4: agreements, in order (a statement named earlier licenses a lower-case "statement").
    let saw = regions.some((r) => r.knownStatement);
    const items: AgreementItem[] = [];
    for (const r of regions) {
      if (r.gen4 !== r.gen3 || r.saw4 !== saw || !r.items) {
        const inOrganization = new Uint8Array(r.ctx.t.length + 1);
        for (const { part: p } of r.parts!) if (p.type === 'organization') inOrganization.fill(1, p.s, p.e);
        const found = agreementCands(r.ctx, inOrganization, saw);
        r.items = found.items;
        r.statementAfter = found.sawStatement;
        r.gen4 = r.gen3;
        r.saw4 = saw;
        r.gen4Count++;
      }
      saw = r.statementAfter!;
      for (const item of r.items) items.push(item);
      if (this.once) {
        // Later stages read the region's text and its linked parts only.
        r.ctx.hits = NO_HITS;
        r.chosen = r.parts = undefined;
      }
    }
    const agreementParts = this.linkAgreements(items, docKey(regions[0].text));

    // Stage 5: a short name defined after an agreement (円滑化協定（RAA）) mentions it, and so does each later use.
    const perRegion: Part[][] = regions.map(() => []);
    const definitions = new Map<string, { part: Part; region: number }>();
    let k = 0;
    regions.forEach((r, i) => {
      for (const item of r.items!) {
        const p = agreementParts[k++];
        perRegion[i].push(p);
        if (!item.acronym) continue;
        const def = { ...p, s: item.acronym.s, e: item.acronym.e };
        perRegion[i].push(def);
        if (!definitions.has(item.acronym.name)) definitions.set(item.acronym.name, { part: def, region: i });
      }
    });
    if (definitions.size) this.addAcronymUses(regions, definitions, perRegion);

    // Mentions, region by region (regions are disjoint and in order): each region's lists in
    // code points from its base, and what each region's sentences say of its agreements' parties.
    // Parties read only the article's agreements and countries, in order: those alone are gathered.
    const read: Mention[] = [];
    const readFrom: number[] = [];
    const evidence: PartyEvidence[] = [];
    const cps: number[] = [];
    let cp = 0;
    regions.forEach((r, i) => {
      r.at ??= cp;
      const agreements = perRegion[i].sort((x, y) => x.s - y.s);
      cps.push(cp);
      readFrom.push(read.length);
      const spans = toMentions(r, r.linked!, agreements);
      const mentions = r.merged!;
      if (r.picksOf !== r.mergedOf) {
        r.picks = [];
        mentions.forEach((m, k) => (m.kind === 'agreement' || m.type === 'country') && r.picks!.push(k));
        r.picksOf = r.mergedOf;
      }
      const from = read.length;
      for (const k of r.picks!) read.push(mentions[k]);
      if (spans) {
        // Evidence reads the region's spans and types, and whether a document is a known one (not the ids of unnamed ones).
        const key = [r.gen3];
        for (const p of agreements) key.push(p.s, p.e, this.kb.get(p.entity) ? 1 : 0);
        if (!r.evidence || !sameNumbers(key, r.partiesKey!)) {
          r.evidence = partyEvidence(r.ctx, mentions, spans, this.kb);
          r.partiesKey = key;
        }
        // Evidence is of agreements, all of them picked.
        for (const ev of r.evidence) {
          const k = r.picks!.indexOf(ev.at);
          if (k < 0) throw new Error(`RecognitionSession: party evidence for mention ${ev.at} of a region, not an agreement`);
          evidence.push({ at: from + k, ids: ev.ids });
        }
      }
      cp += r.codePoints;
    });
    // The documents' parties, computed again only when what they are read from changed.
    const before = this.partiesFrom;
    const parties = before && sameRead(before.read, read) && sameEvidence(before.evidence, evidence) ? before.parties : documentParties(read, evidence, this.kb);
    const replaced = setParties(read, parties);
    if (!this.once) this.partiesFrom = { read, evidence, parties };
    // A mention given other parties is replaced in a new list of its region: a list once answered
    // never changes (answer.ts).
    const copied = new Set<Region>();
    for (const k of replaced) {
      const i = lastAtMost(readFrom, k);
      const r = regions[i];
      if (!copied.has(r)) {
        r.merged = r.merged!.slice();
        copied.add(r);
      }
      r.merged![r.picks![k - readFrom[i]]] = read[k];
    }
    return this.withDefinedAcronyms(regions, cps);
  }

  /**
   * Stage 6: a short name the article defines for an actor (Trade Law Centre (TLC)) mentions it
   * wherever it stands alone, before or after the definition (acronyms.ts). Definitions and uses
   * are read per region (cached); the first definition of a name in the article wins. Then the
   * answer: each region's mentions, and how far the region stands from its lists' base.
   */
  private withDefinedAcronyms(regions: Region[], cps: number[]): Answer {
    const at = (r: Region): Offsets => {
      const index = regionIndex(r);
      const base = r.at!;
      return { toUtf16: (c) => index.toUtf16(c - base), toCodePoint: (u) => index.toCodePoint(u) + base };
    };
    const defs: DefinedAcronym[] = [];
    regions.forEach((r, i) => {
      // Definitions follow an actor on its line: they change with the region's actors only.
      if (r.defsGen !== r.gen3 || !r.defs) {
        r.defs = acronymDefinitions(r.text, r.merged!, at(r)).map((d) => ({ ...d, start: d.start - r.at!, end: d.end - r.at! }));
        r.defsGen = r.gen3;
      }
      for (const d of r.defs) defs.push({ ...d, start: d.start + cps[i], end: d.end + cps[i] });
    });
    const byName = defs.length ? firstDefinitions(defs) : undefined;
    if (byName) {
      const key = [...byName.values()].map((d) => `${d.name}\u0001${d.of.entity}\u0001${d.of.type}\u0001${d.of.qid}`).join('\u0000');
      if (key !== this.definedKey) {
        this.definedKey = key;
        this.definedVersion++;
      }
    }
    const lists: Mention[][] = [];
    const shifts: number[] = [];
    regions.forEach((r, i) => {
      if (byName && (r.usesVersion !== this.definedVersion || r.usesGen !== r.gen3 || !r.definedUses)) {
        r.definedUses = definedUses(r.text, byName, r.merged!, at(r)).map((m) => ({ ...m, start: m.start - r.at!, end: m.end - r.at! }));
        r.usesVersion = this.definedVersion;
        r.usesGen = r.gen3;
      }
      const uses = byName ? r.definedUses! : NO_MENTIONS;
      if (!uses.length) r.answer = r.merged!;
      else if (!r.answerOf || r.answerOf[0] !== r.merged || r.answerOf[1] !== uses) {
        const placed = uses.map((m) => ({ ...m, start: m.start + r.at!, end: m.end + r.at! }));
        r.answer = [...r.merged!, ...placed].sort((x, y) => x.start - y.start || y.end - x.end);
        r.answerOf = [r.merged!, uses];
      }
      if (!r.answer!.length) return;
      lists.push(r.answer!);
      shifts.push(cps[i] - r.at!);
    });
    return { lists, shifts };
  }

  /**
   * linkAgreements, done again only when the article's agreement items changed other than in
   * their places: it reads their texts and kinds, never their offsets, and the article's key
   * (which changes with the first region) only in the ids it makes, put in afterwards.
   */
  private linkAgreements(items: AgreementItem[], key: string): Part[] {
    const last = this.linkedItems;
    if (!(items.length === last.length && items.every((it, i) => it === last[i] || sameItem(it, last[i])))) this.itemLinks = linkAgreements(items, DOC_KEY);
    this.linkedItems = items;
    const ids = this.keyedIds(key);
    // The same parts as last time where nothing of them changed: later comparisons are by identity.
    const before = this.itemParts;
    this.itemParts = this.itemLinks.map((p, i): Part => {
      const q = before[i];
      const s = items[i].s;
      const e = items[i].e;
      return q && q.s === s && q.e === e && q.entity === ids[i] && q.type === p.type && q.qid === p.qid ? q : { s, e, entity: ids[i], type: p.type, qid: p.qid };
    });
    return this.itemParts;
  }

  /** The linked items' entity ids with the article's key put in (kept while key and links stay). */
  private keyedIds(key: string): string[] {
    if (this.idsFor?.key !== key || this.idsFor.links !== this.itemLinks) {
      const ids = this.itemLinks.map((p) => (p.entity.startsWith(DOC_KEY) ? key + p.entity.slice(DOC_KEY.length) : p.entity));
      this.idsFor = { key, links: this.itemLinks, ids };
    }
    return this.idsFor.ids;
  }

  /**
   * Each region's actors with short names linked to the people named in full before
   * (linkSurnames, in article order); done again only when the regions holding people,
   * or their stage-3 results, changed.
   */
  private linkPeople(regions: Region[]): void {
    const withPersons = regions.filter((r) => r.personSig);
    const last = this.linkedRegions;
    const same = withPersons.length === last.length && withPersons.every((r, i) => last[i] === r && this.linkedGens[i] === r.gen3);
    // The same people in the same order (an edit elsewhere in their region): the same links, at the new places.
    const alike = same || (withPersons.length === last.length && withPersons.every((r, i) => r.personSig === last[i].personSig));
    if (alike) {
      const at = new Map(withPersons.map((r, i) => [r, i]));
      for (const r of regions) {
        if (r.linkedGen === r.gen3 && r.linked) continue;
        const i = at.get(r);
        if (i !== undefined) r.linkedPeople = last[i].linkedPeople;
        r.linked = i === undefined ? r.parts!.map((np) => np.part) : relinked(r, r.linkedPeople!);
        r.linkedGen = r.gen3;
      }
      this.linkedRegions = withPersons;
      this.linkedGens = withPersons.map((r) => r.gen3);
      return;
    }
    for (const r of regions) {
      r.linked = r.parts!.map((np) => np.part);
      r.linkedGen = r.gen3;
    }
    // Only people are linked: the others pass through.
    const people: NamedPart[] = [];
    for (const r of withPersons) for (const np of r.parts!) if (np.part.type === 'person') people.push(np);
    const linked = linkSurnames(people);
    let k = 0;
    for (const r of withPersons) {
      r.linkedPeople = [];
      r.linked = r.parts!.map((np) => {
        if (np.part.type !== 'person') return np.part;
        const p = linked[k++];
        r.linkedPeople!.push({ entity: p.entity, qid: p.qid });
        return p;
      });
    }
    this.linkedRegions = withPersons;
    this.linkedGens = withPersons.map((r) => r.gen3);
  }

  /**
   * Regions of `text`: against the last text, the regions before the first change and after the
   * last one are kept as they are (regions.ts recut); of the regions cut anew, one whose text was
   * a region of the replaced part (a paragraph moved, an edit undone) is taken from it, stage 1
   * is done for the others.
   */
  private regionsOf(text: string): Region[] {
    this.presentChanged = false;
    const last = this.last;
    const cut = recut(last?.cuts, text);
    const old = last?.regions ?? [];
    // The old regions the new cuts replace, by text (the first region is the only one that may hold front matter).
    const gone = new Map<string, Region[]>();
    for (let i = cut.kept; i < cut.tail; i++) {
      const key = i === 0 ? '\u0000' + old[i].text : old[i].text;
      (gone.get(key) ?? gone.set(key, []).get(key)!).push(old[i]);
    }
    const regions = old.slice(0, cut.kept);
    const middle = cut.starts.length - (old.length - cut.tail);
    for (let i = cut.kept; i < middle; i++) {
      const s = cut.starts[i];
      const slice = text.slice(s, i + 1 < cut.starts.length ? cut.starts[i + 1] : text.length);
      const key = s === 0 ? '\u0000' + slice : slice;
      let r = gone.get(key)?.shift();
      if (!r) {
        // A kept region outlives the text it was cut from: a copy, since a slice would keep that whole text alive.
        r = stage1(this.once ? slice : detached(slice), s === 0, this.ckb);
        this.count(r, 1);
      }
      regions.push(r);
    }
    // What is left of the replaced regions is gone from the text.
    for (const left of gone.values()) for (const r of left) this.count(r, -1);
    for (let i = cut.tail; i < old.length; i++) regions.push(old[i]);
    if (!this.once) this.last = { cuts: cut, regions };
    return regions;
  }

  /** Counts a region's named entities in (+1) or out (-1) of the article's. */
  private count(r: Region, by: 1 | -1): void {
    for (const id of r.named) {
      const n = (this.counts.get(id) ?? 0) + by;
      if (n > 0) this.counts.set(id, n);
      else this.counts.delete(id);
      if ((n > 0) !== this.present.has(id)) {
        if (n > 0) this.present.add(id);
        else this.present.delete(id);
        this.presentChanged = true;
      }
    }
  }

  private addAcronymUses(regions: Region[], definitions: Map<string, { part: Part; region: number }>, perRegion: Part[][]): void {
    const names = [...definitions.keys()];
    const key = names.join('\u0000');
    if (key !== this.acronymsKey) {
      this.acronymsKey = key;
      this.acronymsVersion++;
    }
    const from = Math.min(...[...definitions.values()].map((d) => d.region));
    regions.forEach((r, i) => {
      if (i < from) return;
      const rkey = `${this.acronymsVersion}:${r.gen4Count}`;
      const taken = new Set(perRegion[i].map((p) => p.s));
      if (r.key5 !== rkey || !r.uses) {
        r.uses = new Map(names.map((n) => [n, acronymUses(r.ctx, n, 0, taken)]));
        r.key5 = rkey;
      }
      for (const [name, def] of definitions) {
        if (def.region > i) continue;
        for (const s of r.uses.get(name)!) {
          // In the defining region, only uses after the agreement it names.
          if ((def.region === i && s < def.part.e) || taken.has(s)) continue;
          taken.add(s);
          perRegion[i].push({ ...def.part, s, e: s + name.length });
        }
      }
    });
  }
}

/** Stage 1: everything that reads only the region's own text. */
function stage1(text: string, atStart: boolean, ckb: CompiledKb): Region {
  const { text: normalized, origin } = normalize(text);
  const t = maskMarkup(normalized, atStart);
  // Only the first region can hold front matter, the one reader of the unblanked text.
  const ctx: Ctx = { t, raw: atStart ? normalized : t, orig: text, origin, ckb, hits: scan(t, ckb), atStart };
  const base = withoutTitleCuts(ctx, [...dictionaryCands(ctx), ...compoundCands(ctx), ...fixedPatternCands(ctx), ...composedOrgCands(ctx), ...englishComposedCands(ctx)]);
  const pass1 = chooseLeftmostLongest([...base]);
  const named = [...new Set(partsOf(pass1).map((p) => p.entity))];
  const taken1 = coverage(pass1);
  const local = [...titlePatternCands(ctx, taken1), ...bylineCands(ctx, taken1), ...givenNameCands(ctx, taken1), ...withoutTitleCuts(ctx, bodyCands(ctx))];
  const asks = new Set<string>();
  for (const h of ctx.hits.contextual) asks.add(ckb.entities[h.ref.entity].id);
  for (const c of [...base, ...local]) {
    if (!c.alternatives) continue;
    asks.add(c.parts[0].entity);
    for (const i of c.alternatives) asks.add(ckb.entities[i].id);
  }
  let codePoints = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        codePoints--;
        i++;
      }
    }
  }
  return { text, ctx, codePoints, base, local, named, asks: [...asks].sort(), knownStatement: namesKnownStatement(ctx), gen2: 0, gen3: 0, personSig: '', gen4: -1, saw4: false, gen4Count: 0 };
}

/** Stage 3: surnames of the article's people, readings and names after actors, where stage 2 chose nothing. */
function stage3(r: Region, needles: readonly SurnameNeedle[], skip: ReadonlyMap<number, number>, ckb: CompiledKb): NamedPart[] {
  let parts = partsOf(r.chosen!);
  const more = [...surnameCands(r.ctx, needles, skip), ...readingCands(r.ctx, r.people!.map((p) => p.entity)), ...orgReadingCands(r.ctx, parts), ...afterActorCands(r.ctx, parts)];
  if (more.length) parts = partsOf(fillGaps(r.chosen!, more));
  return parts.map((part) => namedPart(part, r.ctx.t.slice(part.s, part.e), ckb));
}

/**
 * Normalized spans → the region's mentions, in code points from its base `r.at`: the actors', then
 * the agreements', merged in order (`r.merged`), with their normalized spans when it has agreements.
 * Each list is kept while its parts' entities stay the same, and never moved: a region that moved
 * keeps its lists, and its answer entry says by how much (answer.ts).
 */
function toMentions(r: Region, actors: Part[], agreements: Part[]): number[] | undefined {
  if (!r.actorMentions || !sameEntities(actors, r.actorParts!)) [r.actorMentions, r.actorSpans] = regionMentions(r, r.at!, actors);
  // Equal parts in a new list (linking made them again): that list is compared next time, by identity.
  r.actorParts = actors;
  if (!agreements.length) {
    r.agreementMentions = r.agreementParts = undefined;
    if (r.mergedOf?.[0] !== r.actorMentions || r.mergedOf[1] !== undefined) {
      r.merged = r.actorMentions;
      r.mergedOf = [r.actorMentions, undefined];
    }
    return undefined;
  }
  // The agreements' mentions, and the order merging them with the actors', kept while the agreements stay the same.
  if (!r.agreementMentions || !sameParts(agreements, r.agreementParts!)) {
    [r.agreementMentions, r.agreementSpans] = regionMentions(r, r.at!, agreements);
    r.mergeOrder = undefined;
  }
  r.agreementParts = agreements;
  const actorMentions = r.actorMentions;
  const agreementMentions = r.agreementMentions;
  const na = actorMentions.length;
  const at = (i: number) => (i < na ? actorMentions[i] : agreementMentions[i - na]);
  if (!r.mergeOrder || r.mergeActors !== r.actorSpans) {
    // Sorted like the actors' (stable: an actor before an agreement of the same span), with their normalized spans.
    const order = [...Array(na + agreementMentions.length).keys()].sort((i, j) => at(i).start - at(j).start || at(j).end - at(i).end);
    const spans: number[] = [];
    for (const i of order) {
      if (i < na) spans.push(r.actorSpans![2 * i], r.actorSpans![2 * i + 1]);
      else spans.push(r.agreementSpans![2 * (i - na)], r.agreementSpans![2 * (i - na) + 1]);
    }
    r.mergeOrder = order;
    r.mergeSpans = spans;
    r.mergeActors = r.actorSpans;
    r.mergedOf = undefined;
  }
  if (r.mergedOf?.[0] !== actorMentions || r.mergedOf[1] !== agreementMentions) {
    r.merged = r.mergeOrder.map(at);
    r.mergedOf = [actorMentions, agreementMentions];
  }
  return r.mergeSpans;
}

/** The same parts: spans, entities and types. */
function sameParts(a: readonly Part[], b: readonly Part[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.s !== y.s || x.e !== y.e || x.entity !== y.entity || x.type !== y.type || x.qid !== y.qid)) return false;
  }
  return true;
}

const NONE: Cand[] = [];
const NO_MENTIONS: Mention[] = [];
const NO_HITS: Hits = Object.freeze({ free: [], contextual: [], blockers: [], titles: [], heads: [], abbrJa: new Map(), abbrKo: new Map() });

/** Stands for the article's key in the ids linkAgreements makes, replaced after (see RecognitionSession.linkAgreements). */
const DOC_KEY = '\u0000doc';

/** Two agreement items alike but for their offsets (linkAgreements reads nothing else). */
function sameItem(a: AgreementItem, b: AgreementItem): boolean {
  return (
    a.type === b.type && a.text === b.text && a.head === b.head && a.bare === b.bare && a.generic === b.generic && a.current === b.current &&
    a.parensNext === b.parensNext && (a.known === b.known || (a.known !== null && b.known !== null && a.known.entity === b.known.entity && a.known.type === b.known.type && a.known.qid === b.known.qid))
  );
}

/** A region's parts with its people given the entities linking gave the same people before. */
function relinked(r: Region, people: ReadonlyArray<{ entity: string; qid: string | null }>): Part[] {
  let k = 0;
  return r.parts!.map((np) => {
    if (np.part.type !== 'person') return np.part;
    const { entity, qid } = people[k++];
    return entity === np.part.entity && qid === np.part.qid ? np.part : { ...np.part, entity, qid };
  });
}

/** The region's code point index (built once). */
function regionIndex(r: Region): OffsetIndex {
  return (r.index ??= new OffsetIndex(r.text));
}

/** Mentions of parts in a region that starts at code point `cp`, sorted, one per span and kind. */
/** The parts' mentions, sorted, and each one's normalized span (flat pairs in the same order). */
function regionMentions(r: Region, cp: number, parts: Part[]): [Mention[], number[]] {
  const { origin } = r.ctx;
  const text = r.text;
  const index = r.codePoints === text.length ? null : regionIndex(r);
  const toCp = (u: number) => cp + (index ? index.toCodePoint(u) : u);
  const found: Array<{ m: Mention; s: number; e: number }> = [];
  const seen = new Set<number>();
  for (const p of parts) {
    const s16 = origin[p.s];
    const e16 = origin[p.e];
    if (e16 <= s16) continue;
    const kind = kindOf(p.type);
    const key = (s16 * 4096 + (e16 - s16)) * 2 + (kind === 'actor' ? 0 : 1);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ m: { start: toCp(s16), end: toCp(e16), text: text.slice(s16, e16), kind, type: p.type, entity: p.entity, qid: p.qid }, s: p.s, e: p.e });
  }
  found.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end);
  const spans: number[] = [];
  for (const f of found) spans.push(f.s, f.e);
  return [found.map((f) => f.m), spans];
}

/** The same agreements and countries, in order, as far as parties read them (documentParties). */
function sameRead(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.kind !== y.kind || x.entity !== y.entity || x.type !== y.type)) return false;
  }
  return true;
}

function sameEvidence(a: readonly PartyEvidence[], b: readonly PartyEvidence[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].at !== b[i].at || (a[i].ids !== b[i].ids && !sameList(a[i].ids, b[i].ids))) return false;
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/** Same spans linked to the same entities (the region's own parts, so only entities can differ). */
function sameEntities(a: readonly Part[], b: readonly Part[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i].entity !== b[i].entity || a[i].qid !== b[i].qid)) return false;
  return true;
}

/** A copy of `s` that shares no memory with the string it was sliced from. */
function detached(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
