/**
 * The scholarly hosts Paperdex captures on automatically, as manifest match patterns. Listed
 * explicitly (no all-sites permission): anything else is captured only when the user asks, via
 * activeTab. Imported by the content-script definition at build time, so keep it pure data.
 */

/**
 * Google Scholar is served on the Google country domains users are redirected to
 * (e.g. https://scholar.google.ca/citations?user=8daWuo4AAAAJ). Match patterns cannot wildcard a
 * TLD, so each domain is listed.
 */
export const SCHOLAR_DOMAINS = [
  'com',
  'ad',
  'ae',
  'com.af',
  'com.ag',
  'al',
  'am',
  'co.ao',
  'com.ar',
  'as',
  'at',
  'com.au',
  'az',
  'ba',
  'com.bd',
  'be',
  'bg',
  'com.bh',
  'bi',
  'com.bn',
  'com.bo',
  'com.br',
  'bs',
  'co.bw',
  'by',
  'com.bz',
  'ca',
  'cd',
  'ch',
  'ci',
  'co.ck',
  'cl',
  'cm',
  'cn',
  'com.co',
  'co.cr',
  'com.cu',
  'cv',
  'com.cy',
  'cz',
  'de',
  'dk',
  'dm',
  'com.do',
  'dz',
  'com.ec',
  'ee',
  'com.eg',
  'es',
  'com.et',
  'fi',
  'com.fj',
  'fr',
  'ga',
  'ge',
  'com.gh',
  'gl',
  'gr',
  'com.gt',
  'com.hk',
  'hn',
  'hr',
  'ht',
  'hu',
  'co.id',
  'ie',
  'co.il',
  'co.in',
  'iq',
  'is',
  'it',
  'com.jm',
  'jo',
  'co.jp',
  'co.ke',
  'com.kh',
  'co.kr',
  'com.kw',
  'kz',
  'la',
  'com.lb',
  'li',
  'lk',
  'co.ls',
  'lt',
  'lu',
  'lv',
  'com.ly',
  'co.ma',
  'md',
  'me',
  'mg',
  'mk',
  'ml',
  'com.mm',
  'mn',
  'com.mt',
  'mu',
  'mv',
  'mw',
  'com.mx',
  'com.my',
  'co.mz',
  'com.na',
  'com.ng',
  'com.ni',
  'ne',
  'nl',
  'no',
  'com.np',
  'co.nz',
  'com.om',
  'com.pa',
  'com.pe',
  'com.ph',
  'com.pk',
  'pl',
  'pt',
  'com.py',
  'com.qa',
  'ro',
  'rs',
  'ru',
  'rw',
  'com.sa',
  'com.sg',
  'si',
  'sk',
  'sn',
  'so',
  'com.sv',
  'td',
  'co.th',
  'com.tj',
  'tn',
  'com.tr',
  'tt',
  'com.tw',
  'co.tz',
  'com.ua',
  'co.ug',
  'co.uk',
  'com.uy',
  'co.uz',
  'com.vn',
  'co.ve',
  'co.za',
  'co.zm',
  'co.zw',
] as const;

/** Hostnames of Google Scholar. */
export const SCHOLAR_HOSTS: readonly string[] = SCHOLAR_DOMAINS.map((d) => `scholar.google.${d}`);

/** True for any Google Scholar host, including ones not in the list above. */
export function isScholarHost(hostname: string): boolean {
  return /^scholar\.google\.[a-z.]{2,8}$/i.test(hostname);
}

/**
 * Hosts an adapter also serves that redirect to a host in the manifest (www.dblp.org → dblp.org,
 * www.openreview.net → openreview.net). They are read on click-capture only: adding them to the
 * manifest would make every installed Paperdex ask for a new permission on update, for pages users
 * never stay on.
 */
export const REDIRECTING_HOSTS: readonly string[] = ['www.dblp.org', 'www.openreview.net'];

/**
 * The other scholarly sites with an adapter, as match patterns. Each host here is one an adapter
 * in lib/scrapers/sites serves, and each adapter host is here (tests/unit/scrapers/registry-meta.test.ts).
 */
export const SITE_MATCHES: readonly string[] = [
  // Semantic Scholar (single-page app)
  'https://www.semanticscholar.org/*',
  'https://semanticscholar.org/*',
  // DBLP and its mirrors (the Trier mirror still answers on http)
  'https://dblp.org/*',
  '*://dblp.uni-trier.de/*',
  'https://dblp.dagstuhl.de/*',
  // arXiv, and sites that show arXiv papers
  'https://arxiv.org/*',
  'https://www.arxiv.org/*',
  'https://export.arxiv.org/*',
  'https://alphaxiv.org/*',
  'https://www.alphaxiv.org/*',
  'https://huggingface.co/papers/*',
  'https://ar5iv.labs.arxiv.org/*',
  'https://ar5iv.org/*',
  // OpenReview (single-page app)
  'https://openreview.net/*',
  // ACL Anthology (and the legacy aclweb.org paths)
  'https://aclanthology.org/*',
  'https://www.aclweb.org/anthology/*',
];

/** Match patterns of every host Paperdex captures on automatically from install (required permissions). */
export const AUTO_CAPTURE_MATCHES: readonly string[] = [...SCHOLAR_HOSTS.map((h) => `https://${h}/*`), ...SITE_MATCHES];

/** A group of hosts the user may switch automatic capture on for (an optional host permission). */
export interface HostGroup {
  /** Stable id (settings, tests). */
  readonly id: 'proceedings' | 'biomed' | 'publishers' | 'profiles';
  /**
   * Its English name, for code and logs. The UI shows the name in the user's language (messages
   * `hosts_group<Id>`, components/HostGroups.tsx): lib/core holds no translations.
   */
  readonly name: string;
  /** The sites in it, by their own names (brands, never translated; shown under the name). */
  readonly sites: string;
  /** Match patterns (manifest `optional_host_permissions`; Firefox MV2: `optional_permissions`). */
  readonly matches: readonly string[];
}

/**
 * Host groups added after the first release. They are optional host permissions, never required
 * ones: a required host added in an update makes Chrome disable the extension until the user
 * accepts it. Each group is offered on the welcome page and in Settings ("Capture automatically on
 * …"); until it is granted, click-capture (activeTab) works on these sites as on any other. Each
 * host here is one an adapter in lib/scrapers/sites serves (tests/unit/scrapers/registry-meta.test.ts).
 */
export const HOST_GROUPS: readonly HostGroup[] = [
  {
    id: 'proceedings',
    name: 'Conference proceedings',
    sites: 'NeurIPS, PMLR, CVF open access, JMLR, USENIX',
    matches: [
      'https://proceedings.neurips.cc/*',
      'https://papers.nips.cc/*',
      'https://papers.neurips.cc/*',
      'https://proceedings.mlr.press/*',
      'https://openaccess.thecvf.com/*',
      'https://jmlr.org/*',
      'https://www.jmlr.org/*',
      'https://www.usenix.org/*',
    ],
  },
  {
    id: 'biomed',
    name: 'Preprints and biomedicine',
    sites: 'bioRxiv, medRxiv, PubMed, PubMed Central',
    matches: [
      'https://www.biorxiv.org/*',
      'https://www.medrxiv.org/*',
      'https://pubmed.ncbi.nlm.nih.gov/*',
      'https://pmc.ncbi.nlm.nih.gov/*',
      'https://www.ncbi.nlm.nih.gov/pmc/*',
    ],
  },
  {
    id: 'publishers',
    name: 'Publishers',
    sites: 'ACM, IEEE Xplore, Springer, Nature, ScienceDirect, PLOS, Wiley, Frontiers, eLife, PeerJ, HAL',
    matches: [
      'https://dl.acm.org/*',
      'https://ieeexplore.ieee.org/*',
      'https://link.springer.com/*',
      'https://www.nature.com/*',
      'https://www.sciencedirect.com/*',
      'https://journals.plos.org/*',
      'https://onlinelibrary.wiley.com/*',
      'https://www.frontiersin.org/*',
      'https://elifesciences.org/*',
      'https://peerj.com/*',
      'https://hal.science/*',
      'https://*.hal.science/*',
    ],
  },
  {
    id: 'profiles',
    name: 'Researcher profiles',
    sites: 'ORCID',
    matches: ['https://orcid.org/*'],
  },
];

/** Match patterns of every optional host group. */
export const OPTIONAL_CAPTURE_MATCHES: readonly string[] = HOST_GROUPS.flatMap((g) => g.matches);

/**
 * Origins a sync server may be on (opt-in sync, lib/sync): optional host permissions, of which
 * Settings → Sync requests only the one origin the user typed, when they turn sync on. Plain http
 * only on this machine (lib/sync/sync-types.ts serverUrlProblem).
 */
export const SYNC_SERVER_MATCHES: readonly string[] = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** Whether `url` matches a manifest match pattern (`<scheme>://<host>/<path>` with `*` globs). */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = pattern.match(/^(\*|https?):\/\/([^/]+)(\/.*)$/);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m;
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && u.hostname !== host) return false;
  const re = new RegExp(
    '^' +
      path
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return re.test(u.pathname + u.search);
}

/** Whether Paperdex captures `url` automatically (its host is in the manifest's list). */
export function isAutoCaptureUrl(url: string): boolean {
  return AUTO_CAPTURE_MATCHES.some((p) => matchesPattern(p, url));
}
