/**
 * Person names between the display form Paperdex stores ("Bart van Merriënboer", "Henry Ford, Jr.")
 * and the parts BibTeX and CSL need (family with particles, given, suffix). Shared by the BibTeX
 * writer and reader, the cite keys and CSL-JSON. Pure.
 */
import { clean } from '../../core/text';

/** A person's name split into parts, as BibTeX ("von Last, Jr, First") and CSL need it. */
export interface PersonName {
  /** Family name including lower-case particles: "van Merriënboer", "de la Cruz". */
  family: string;
  given?: string;
  suffix?: string;
}

/** Lower-case name particles that belong to the family name ("van", "de la", "al"). */
export const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'degli',
  'dei',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'des',
  'la',
  'le',
  'lo',
  'ter',
  'ten',
  'te',
  "van't",
  "'t",
  'zu',
  'zur',
  'y',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
  'af',
  'av',
]);
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v|vi)$/i;

/**
 * Split a display name into family / given / suffix. Understands the forms sites show:
 * "Manmatha, R." (family first), "R. Manmatha", "Bart van Merriënboer" (lower-case or inner
 * particles go with the family name: family "van Merriënboer"), "Henry Ford, Jr." / "Henry Ford Jr."
 * (suffix), "Ford, Jr., Henry" (BibTeX order), and DBLP's homonym numbers ("Aaron Clauset 0001").
 * Single-word names (organisations, mononyms) have only `family`. Undefined for a blank name.
 *
 * Why a heuristic: a display name does not say where the given name ends ("Juan Carlos García
 * Pérez" is read as given "Juan Carlos García", family "Pérez" — the same guess BibTeX makes).
 */
export function splitDisplayName(name: string): PersonName | undefined {
  const n = clean(name).replace(/\s+\d{4}$/, '');
  if (!n) return undefined;
  const commaParts = n.split(/\s*,\s*/).filter(Boolean);
  if (commaParts.length >= 2) {
    // "Given Family, Jr." is a display form with a suffix, not "Family, Given".
    if (commaParts.length === 2 && SUFFIX.test(commaParts[1]) && /\s/.test(commaParts[0])) {
      const p = splitDisplayName(commaParts[0]);
      return p && { ...p, suffix: commaParts[1] };
    }
    const family = commaParts[0];
    const given = commaParts[commaParts.length - 1];
    const suffix = commaParts.length >= 3 ? commaParts.slice(1, -1).join(', ') : undefined;
    return compactName({ family, given, suffix });
  }
  const words = n.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1])) suffix = words.pop();
  if (words.length === 1) return compactName({ family: words[0], suffix });
  // The family name is the last word plus any particles right before it; the first word always
  // stays a given name ("Van Morrison" is given "Van").
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1].toLowerCase())) start--;
  return compactName({ family: words.slice(start).join(' '), given: words.slice(0, start).join(' '), suffix });
}

function compactName(p: PersonName): PersonName {
  const out: PersonName = { family: p.family };
  if (p.given) out.given = p.given;
  if (p.suffix) out.suffix = p.suffix;
  return out;
}

/** Display form "Given Family, Suffix" of a name's parts (the form Paperdex stores). */
export function displayName(p: { family?: string; given?: string; suffix?: string }): string {
  const base = [p.given, p.family].filter((x) => x && x.trim()).join(' ');
  return clean(p.suffix ? `${base}, ${p.suffix}` : base);
}
