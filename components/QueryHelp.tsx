import { QUERY_HELP } from '@/lib/search/query';

/** The "?" next to the search box: the query syntax, as a small disclosure. */
export function QueryHelp() {
  return (
    <details class="query-help">
      <summary aria-label="Search syntax" title="Search syntax">
        ?
      </summary>
      <div class="query-help-body" role="note">
        <div class="section-title">Search syntax</div>
        <dl>
          {QUERY_HELP.map(([example, meaning]) => (
            <>
              <dt key={example}>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </>
          ))}
        </dl>
        <div class="small faint">↑/↓ move · Enter opens · Esc clears</div>
      </div>
    </details>
  );
}
