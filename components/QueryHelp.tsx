import { QUERY_HELP } from '@/lib/search/query';
import { closeDetailsOnEscape } from './popover';
import { COPY_SHORTCUTS, shortcutKeys } from './copy-shortcuts';

/** The "?" next to the search box: the query syntax, as a small disclosure. */
export function QueryHelp() {
  return (
    <details class="query-help" onKeyDown={closeDetailsOnEscape}>
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
        <div class="section-title copy-keys-title">Copy the selected result</div>
        <dl class="copy-keys">
          {COPY_SHORTCUTS.map((s) => (
            <>
              <dt key={s.kind}>
                <kbd>{shortcutKeys(s)}</kbd>
              </dt>
              <dd>{s.action}</dd>
            </>
          ))}
        </dl>
      </div>
    </details>
  );
}
