/**
 * The `storage.session` key bumped after the search index changed, so open pages re-run their
 * query. Its own module so the popup and side panel don't load the search engine to know it.
 */
export const INDEX_VERSION_KEY = 'indexVersion';
