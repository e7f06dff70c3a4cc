/**
 * Names the UI shows for ids that lib/core keeps (lib/core is pure and has no messages): the sites
 * whose names are words rather than brands ("Author page", "Web page"). Brand names (Google
 * Scholar, arXiv, …) are never translated: they come from SITE_NAMES as they are. (The host groups'
 * names are translated in HostGroups.tsx.) Call while rendering, never at module top level (t()
 * reads the browser's messages).
 */
import { SITE_NAMES, type StoredSiteId } from '@/lib/core/sites';
import { t } from '@/lib/i18n/i18n';

/** A site's name as users see it, in their language where it is a word ("Author page"); brands as they are. */
export function siteName(id: StoredSiteId): string {
  switch (id) {
    case 'author-profile':
    case 'seed-author':
      return t('hosts_siteAuthorPage');
    case 'paper-search':
    case 'seed-search':
      return t('hosts_sitePaperSearch');
    case 'generic':
      return t('hosts_siteWebPage');
    default:
      return SITE_NAMES[id] ?? id;
  }
}
