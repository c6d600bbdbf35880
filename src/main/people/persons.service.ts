import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { AppError, conflict, invalid, notFound } from '../errors';
import type { DomainEvents } from '../events';
import { uuidv7 } from '../ids';
import type { Person, PersonDetail, PersonPhoto, PossibleDuplicate } from '../../shared/contract/people';
import type { Role } from '../../shared/roles';
import { editDistance, foldText } from './names';
import { WordIndex, type PersonMatch } from './word-index';
import type { PersonRow, PersonsRepo, PersonWrite } from './persons.repo';

/** The fields a person record is written from (PersonFields in the contract, parsed). */
export type PersonInput = Omit<PersonWrite, 'id' | 'createdAt' | 'updatedAt'>;

/** A person's fields with everything not given left empty: for seeds and tests. */
export const personInput = (fields: Partial<PersonInput> & { name: string }): PersonInput => ({
  unknown: false,
  aliases: [],
  description: '',
  sex: 'unknown',
  ageEstimate: '',
  height: '',
  build: '',
  hair: '',
  marks: '',
  birthDate: null,
  cardNumber: null,
  guardianName: '',
  guardianContact: '',
  notes: '',
  ...fields,
});

/** What persons need of the attachments domain: a picture's hash and type, and where it is served. */
export interface PersonPictures {
  meta(ids: readonly string[]): { id: string; sha256: string; mediaType: string; kind: string }[];
}

const mayReadCards = (role: Role | null) => role === 'supervisor' || role === 'admin';

/** Whole years between a birth date and a moment. */
function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

/** Minor or adult: from the birth date, else from an age estimate that says a number ("about 15", "12-14"). */
export function isMinor(p: Pick<PersonRow, 'birthDate' | 'ageEstimate'>, now: Date): boolean | null {
  if (p.birthDate) return ageOn(p.birthDate, now) < 18;
  const numbers = (p.ageEstimate.match(/\d{1,3}/g) ?? []).map(Number);
  if (numbers.length === 0) return /\b(child|kid|teen|teenager|minor|youth)\b/i.test(p.ageEstimate) ? true : null;
  return Math.max(...numbers) < 18;
}

/**
 * Persons: the people incidents, bans and calls refer to. Names, pictures and
 * descriptions identify patrons, so every read that shows one is audited; the
 * library card number is for supervisors and administrators only, enforced here.
 * Every change is journaled; a merge keeps both records, one pointing at the other.
 */
export class PersonsService {
  /** The desk check's words, in memory: built on first use, kept in step with every change here. */
  private words: WordIndex | null = null;

  constructor(
    private readonly db: Db,
    private readonly repo: PersonsRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly roleOf: (staffId: string) => Role | null,
    private readonly pictures: PersonPictures,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  // ---- reading (audited) ----

  /** The incident form's picker: names found by the desk check's search, or the newest. */
  search(text: string, limit: number, staffId: string): Person[] {
    const trimmed = text.trim();
    const found = trimmed
      ? this.repo.many(
          this.index()
            .search(trimmed, limit)
            .map((m) => m.personId),
        )
      : this.repo.recent(limit);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'persons.search',
      detail: `Searched persons for “${trimmed.slice(0, 200)}”: ${found.length} shown`,
    });
    return found.map(toPerson);
  }

  /** The desk check's matches; the caller audits what it shows. */
  match(text: string, limit: number): PersonMatch[] {
    return this.index().search(text, limit);
  }

  get(id: string, staffId: string): PersonDetail {
    const detail = this.detail(this.row(id), staffId);
    this.audit.record({ staffId, action: 'read', subject: 'person', recordId: id, detail: `Opened ${detail.name}` });
    return detail;
  }

  /** Persons as the reader may see them, without an audit entry: for a caller that audits its own read. */
  details(ids: readonly string[], staffId: string): PersonDetail[] {
    return this.repo.many(ids).map((p) => this.detail(p, staffId));
  }

  /** Whether a person is on file: the port incident reports check their persons by. */
  exists(id: string): boolean {
    return this.repo.get(id) !== undefined;
  }

  names(ids: readonly string[]): Map<string, string> {
    return this.repo.names(ids);
  }

  /** A person and every record merged into it: their incidents and bans are the same person's. */
  identities(id: string): string[] {
    return [id, ...this.repo.mergedInto(id)];
  }

  /** The record a merged one points to (itself when not merged). */
  current(id: string): string {
    let p = this.repo.get(id);
    for (let hops = 0; p?.mergedInto && hops < 20; hops++) p = this.repo.get(p.mergedInto);
    return p?.id ?? id;
  }

  minor(id: string): boolean | null {
    const p = this.repo.get(id);
    return p ? isMinor(p, this.clock.now()) : null;
  }

  /** Records that may be this person: the same card, the same birth date with a like name, or a like name. */
  findDuplicates(
    input: { name: string; aliases: string[]; birthDate: string | null; cardNumber: string | null; exceptId?: string },
    staffId: string,
  ): PossibleDuplicate[] {
    const why = new Map<string, Set<string>>();
    const add = (id: string, reason: string) => {
      if (id === input.exceptId) return;
      why.set(id, (why.get(id) ?? new Set()).add(reason));
    };
    const card = input.cardNumber?.trim();
    if (card && mayReadCards(this.roleOf(staffId))) {
      for (const p of this.repo.byCard(card)) add(p.id, 'same library card');
    }
    const name = foldText(input.name);
    if (input.birthDate) {
      for (const p of this.repo.byBirthDate(input.birthDate)) {
        add(p.id, likeName(name, p) ? 'same birth date and a like name' : 'same birth date');
      }
    }
    for (const text of [input.name, ...input.aliases].filter((t) => foldText(t).length >= 3)) {
      for (const m of this.index().search(text, 8)) {
        const p = this.repo.get(m.personId);
        if (!p) continue;
        add(p.id, foldText(p.name) === foldText(text) ? 'same name' : 'similar name');
      }
    }
    const people = this.details([...why.keys()], staffId);
    if (people.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'persons.duplicates',
        detail: `Possible duplicates of “${input.name.slice(0, 120)}”: ${people.map((p) => p.name).join(', ')}`,
      });
    }
    return people.map((person) => ({ person, why: [...(why.get(person.id) ?? [])] }));
  }

  // ---- changing (journaled) ----

  add(input: PersonInput, actor: string): PersonDetail {
    this.guardCard(input.cardNumber, null, actor);
    const at = this.clock.now().toISOString();
    const id = uuidv7();
    this.db
      .transaction(() => {
        this.repo.insert({ ...this.clean(input), id, createdAt: at, updatedAt: at }, actor);
        this.journal.append({ kind: 'person.added', recordId: id, actor, payload: this.state(id) });
      })
      .immediate();
    this.reindex(id);
    this.events.emit('person.changed', { personId: id });
    return this.detail(this.row(id), actor);
  }

  update(id: string, version: number, input: PersonInput, actor: string): PersonDetail {
    const before = this.row(id);
    if (before.mergedInto) throw conflict(`${before.name} was merged into another record: edit that one.`);
    // An officer's form never shows the card, so it sends none back: that keeps the stored one.
    const card = mayReadCards(this.roleOf(actor)) ? input.cardNumber : before.cardNumber;
    if (!mayReadCards(this.roleOf(actor)) && input.cardNumber !== null && input.cardNumber !== before.cardNumber) {
      this.guardCard(input.cardNumber, before.cardNumber, actor);
    }
    this.db
      .transaction(() => {
        const ok = this.repo.update(
          { ...this.clean({ ...input, cardNumber: card }), id, createdAt: before.createdAt, updatedAt: this.now() },
          version,
        );
        if (!ok) throw conflict(`${before.name}’s record was changed from another window since. Reopen it first.`);
        this.journal.append({ kind: 'person.updated', recordId: id, actor, payload: this.state(id) });
      })
      .immediate();
    this.reindex(id);
    this.events.emit('person.changed', { personId: id });
    return this.detail(this.row(id), actor);
  }

  addPhoto(personId: string, attachmentId: string, actor: string): PersonDetail {
    const person = this.row(personId);
    const [meta] = this.pictures.meta([attachmentId]);
    if (!meta) throw notFound('That picture');
    if (!meta.mediaType.startsWith('image/'))
      throw invalid('That file is not a picture.', { attachmentId: 'Not an image' });
    this.db
      .transaction(() => {
        if (!this.repo.addPhoto(person.id, attachmentId, this.now(), actor)) return;
        this.journal.append({ kind: 'person.photoAdded', recordId: person.id, actor, payload: this.state(person.id) });
      })
      .immediate();
    this.events.emit('person.changed', { personId });
    return this.detail(this.row(personId), actor);
  }

  removePhoto(personId: string, attachmentId: string, actor: string): PersonDetail {
    this.row(personId);
    this.db
      .transaction(() => {
        if (!this.repo.removePhoto(personId, attachmentId)) throw notFound('That picture on this person');
        this.journal.append({ kind: 'person.photoRemoved', recordId: personId, actor, payload: this.state(personId) });
      })
      .immediate();
    this.events.emit('person.changed', { personId });
    return this.detail(this.row(personId), actor);
  }

  /** Two records of one person become one: the other points here, its photos move, both histories stay. */
  merge(keepId: string, mergeId: string, reason: string, actor: string): PersonDetail {
    if (keepId === mergeId) throw invalid('Choose two different records to merge.', { mergeId: 'The same record' });
    const keep = this.row(keepId);
    const gone = this.row(mergeId);
    if (keep.mergedInto || gone.mergedInto) throw conflict('One of these records was already merged into another.');
    this.db
      .transaction(() => {
        this.repo.markMerged(gone.id, keep.id, this.now());
        this.repo.movePhotos(gone.id, keep.id);
        // The kept record learns the other's names as aliases, so the desk check finds it by either.
        const aliases = [...new Set([...keep.aliases, ...(gone.unknown ? [] : [gone.name]), ...gone.aliases])]
          .filter((a) => foldText(a) !== foldText(keep.name))
          .slice(0, 10);
        const merged: PersonInput = {
          ...keep,
          aliases,
          birthDate: keep.birthDate ?? gone.birthDate,
          cardNumber: keep.cardNumber ?? gone.cardNumber,
          description: [keep.description, gone.description].filter(Boolean).join('\n').slice(0, 1000),
          notes: [keep.notes, gone.notes].filter(Boolean).join('\n').slice(0, 2000),
        };
        this.repo.update({ ...merged, id: keep.id, createdAt: keep.createdAt, updatedAt: this.now() }, keep.version);
        this.journal.append({
          kind: 'person.merged',
          recordId: keep.id,
          actor,
          payload: { kept: this.state(keep.id), merged: this.state(gone.id), reason },
        });
      })
      .immediate();
    this.reindex(keepId);
    this.reindex(mergeId);
    this.events.emit('person.changed', { personId: keepId });
    this.events.emit('person.changed', { personId: mergeId });
    return this.detail(this.row(keepId), actor);
  }

  // ---- helpers ----

  private index(): WordIndex {
    this.words ??= new WordIndex(this.repo.allSearchWords());
    return this.words;
  }

  /** The index follows the record just written (only if it was built: otherwise it is built from the table). */
  private reindex(id: string): void {
    if (!this.words) return;
    const p = this.repo.get(id);
    this.words.put(id, p && !p.mergedInto ? p.searchWords : '');
  }

  private row(id: string): PersonRow {
    const p = this.repo.get(id);
    if (!p) throw notFound('That person');
    return p;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** An unknown person is called by how they look; their name field says so. */
  private clean(input: PersonInput): PersonInput {
    if (input.unknown && !input.description.trim() && !input.name.trim()) {
      throw invalid('Describe an unknown person: how would the desk recognise them?', {
        description: 'Describe them',
      });
    }
    return { ...input, aliases: [...new Set(input.aliases.map((a) => a.trim()).filter(Boolean))] };
  }

  /** Card numbers are for supervisors and administrators: anyone else is refused, and the refusal audited. */
  private guardCard(card: string | null, before: string | null, actor: string): void {
    if (card === null || card === before || mayReadCards(this.roleOf(actor))) return;
    this.audit.refused({
      source: actor,
      reason: 'card number',
      staffId: actor,
      subject: 'persons.cardNumber',
      detail: 'A library card number is for supervisors and administrators',
    });
    throw new AppError('FORBIDDEN', 'Only a supervisor or an administrator may record a library card number.', {
      cardNumber: 'Supervisors and administrators only',
    });
  }

  /** The record as the journal carries it: every field (the card too: the journal stays on this desk). */
  private state(id: string) {
    const { searchWords: _words, ...p } = this.row(id);
    return { ...p, photos: this.repo.photos(id).map((x) => x.attachmentId) };
  }

  private detail(p: PersonRow, staffId: string): PersonDetail {
    const { searchWords: _words, cardNumber, ...rest } = p;
    const photos = this.repo.photos(p.id);
    const metas = new Map(this.pictures.meta(photos.map((x) => x.attachmentId)).map((m) => [m.id, m]));
    return {
      ...rest,
      cardNumber: mayReadCards(this.roleOf(staffId)) ? cardNumber : null,
      cardOnFile: cardNumber !== null,
      minor: isMinor(p, this.clock.now()),
      photos: photos.flatMap((x): PersonPhoto[] => {
        const m = metas.get(x.attachmentId);
        return m
          ? [{ attachmentId: m.id, sha256: m.sha256, mediaType: m.mediaType, path: pathOf(m), addedAt: x.addedAt }]
          : [];
      }),
      mergedFrom: this.repo.mergedInto(p.id),
    };
  }
}

/** Where the media handler serves a picture, under the console's media base. */
export function pathOf(m: { sha256: string; mediaType: string; kind: string }): string {
  return m.kind === 'snapshot'
    ? `snapshots/${m.sha256}.png`
    : `attachments/${m.sha256}.${m.mediaType === 'image/png' ? 'png' : 'jpg'}`;
}

const toPerson = (p: PersonRow): Person => ({
  id: p.id,
  name: p.name,
  sex: p.sex,
  ageEstimate: p.ageEstimate,
  height: p.height,
  build: p.build,
  hair: p.hair,
  marks: p.marks,
  createdAt: p.createdAt,
});

/** A name like another: the same folded words in any order, or each within a typo. */
function likeName(folded: string, p: PersonRow): boolean {
  const a = folded.split(' ').filter(Boolean).sort();
  const b = foldText(p.name).split(' ').filter(Boolean).sort();
  if (a.length === 0 || a.length !== b.length) return false;
  return a.every((w, i) => editDistance(w, b[i]!, 2) <= 1);
}
