/**
 * Benchmark corpora built from the real ICLR 2019 corpus (../shared/pages/openreview/iclr2019-notes.json:
 * titles, abstracts, TL;DRs, keywords of 1,589 submissions), expanded to any size with varied,
 * deterministic synthetic authors, years, venues, categories, citation counts and title variants.
 * Generated on the fly; nothing large is committed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PaperRecord, SiteId } from '../lib/core/types';
import { idKeys } from '../lib/core/identity';
import { titleKey } from '../lib/core/normalize';

export interface Note {
  id: string;
  title: string;
  abstract: string;
  tldr?: string;
  keywords: string[];
}

/** The real ICLR 2019 notes. */
export function loadIclrNotes(path = resolve(import.meta.dirname ?? '.', '../../shared/pages/openreview/iclr2019-notes.json')): Note[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { notes: { id: string; forum: string; content: Record<string, unknown> }[] };
  return raw.notes.map((n) => ({
    id: n.forum ?? n.id,
    title: String(n.content.title ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    abstract: String(n.content.abstract ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    tldr: n.content['TL;DR'] ? String(n.content['TL;DR']).replace(/\s+/g, ' ').trim() : undefined,
    keywords: Array.isArray(n.content.keywords) ? (n.content.keywords as string[]).map((k) => k.trim()).filter(Boolean) : [],
  }));
}

/** Mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST =
  'Ada Alan Amir Ana Anil Aria Ben Bo Carla Chen Chidi Dana David Diego Elena Emma Fatima Felix Hana Hiro Ilya Ines Ivan Jae Jana Jin Joao Kai Kemal Lara Lei Lina Luca Maja Mei Mia Nadia Noah Omar Pavel Priya Raj Rosa Sami Sara Tariq Tom Uma Wei Yara Yuki Zoe'.split(
    ' ',
  );
const LAST =
  'Abbott Adeyemi Bauer Becker Chen Costa Das Dubois Eriksen Fischer Garcia Gupta Haddad Hoffmann Ibrahim Ito Jensen Kim Kowalski Kumar Lam Larsen Lopez Martin Meyer Moreau Nakamura Nguyen Novak Okafor Olsen Park Patel Petrov Quinn Rossi Sato Schmidt Silva Singh Smith Suzuki Tanaka Torres Varga Wang Weber Wu Yamamoto Yilmaz Zhang Zhou'.split(
    ' ',
  );
const VENUES = [
  'ICLR',
  'NeurIPS',
  'ICML',
  'AAAI',
  'IJCAI',
  'CVPR',
  'ICCV',
  'ECCV',
  'ACL',
  'EMNLP',
  'NAACL',
  'KDD',
  'WWW',
  'SIGIR',
  'JMLR',
  'TPAMI',
  'Nature Machine Intelligence',
  'arXiv preprint',
  'AISTATS',
  'UAI',
  'COLT',
  'TMLR',
];
const CATS = ['cs.LG', 'cs.AI', 'cs.CL', 'cs.CV', 'stat.ML', 'cs.NE', 'cs.IR', 'cs.RO', 'math.OC', 'cs.CR'];
const SITES: SiteId[] = ['google-scholar', 'arxiv', 'openreview', 'dblp', 'semantic-scholar', 'acl-anthology'];
const PREFIX = ['', '', '', 'Towards ', 'Revisiting ', 'On ', 'Understanding ', 'Scaling ', 'Rethinking ', 'Efficient '];
const SUFFIX = [
  '',
  '',
  '',
  ' at Scale',
  ' for Robust Learning',
  ': A Theoretical Analysis',
  ' with Transformers',
  ' in Practice',
  ' Revisited',
  ' without Labels',
];

/** `n` papers built from the ICLR notes (the first 1,589 are the notes themselves). */
export function makeCorpus(notes: Note[], n: number, seed = 42): PaperRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: PaperRecord[] = [];
  for (let i = 0; i < n; i++) {
    const note = notes[i % notes.length];
    const gen = Math.floor(i / notes.length);
    const title =
      gen === 0
        ? note.title
        : `${pick(PREFIX)}${note.title}${pick(SUFFIX)}${gen > 2 ? ` (${pick(note.keywords.length ? note.keywords : ['extended'])})` : ''}`;
    const nAuthors = 1 + Math.floor(r() * 6);
    const authors = Array.from({ length: nAuthors }, () => `${pick(FIRST)} ${pick(LAST)}`);
    const year = 2005 + Math.floor(r() * 22);
    const venue = `${pick(VENUES)} ${year}`;
    const citations = Math.floor(Math.pow(r(), 3) * 2000);
    const cats = [pick(CATS), ...(r() < 0.4 ? [pick(CATS)] : [])];
    const site = pick(SITES);
    const id = `p-bench-${i.toString(36)}`;
    const ids =
      gen === 0
        ? { openreview: note.id }
        : { arxiv: `${String(year).slice(2)}${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).slice(-5)}` };
    const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    out.push({
      id,
      title,
      authors,
      year,
      venue,
      abstract: note.abstract,
      tldr: note.tldr,
      keywords: note.keywords.length ? note.keywords : undefined,
      categories: [...new Set(cats)],
      citations,
      ids,
      url: `https://example.org/paper/${i}`,
      hasCode: r() < 0.25 || undefined,
      sources: [{ site, url: `https://example.org/${site}/${i}`, capturedAt: at, citations }],
      citationHistory: [],
      idKeys: idKeys(ids),
      titleKey: titleKey(title),
      authorIds: [],
      collectionIds: [],
      addedAt: Date.parse(at),
      updatedAt: Date.parse(at),
    });
  }
  return out;
}
