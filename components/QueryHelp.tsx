import { Fragment } from 'preact';
import { QUERY_HELP } from '@/lib/search/query';
import { t } from '@/lib/i18n/i18n';
import { closeDetailsOnEscape } from './popover';
import { COPY_SHORTCUTS, shortcutKeys, type CopyKind } from './copy-shortcuts';
import './QueryHelp.css';

/**
 * What a query example does, in the user's language. The examples themselves are query syntax
 * (the same in every language); an example this list does not know keeps the English of QUERY_HELP.
 */
function meaningOf(example: string, english: string): string {
  switch (example) {
    case 'diffusion models':
      return t('help_syntaxWords');
    case '"exact phrase"':
      return t('help_syntaxPhrase');
    case '-survey':
      return t('help_syntaxExclude');
    case 'author:"hinton"':
      return t('help_syntaxAuthor');
    case 'year:2019  year:2018..2021':
      return t('help_syntaxYear');
    case 'venue:iclr':
      return t('help_syntaxVenue');
    case 'site:arxiv':
      return t('help_syntaxSite');
    case 'cat:cs.LG':
      return t('help_syntaxCategory');
    case 'has:code  has:abstract':
      return t('help_syntaxHas');
    case 'collection:"reading list"':
      return t('help_syntaxCollection');
    case 'is:starred':
      return t('help_syntaxStarred');
    case 'status:toread':
      return t('help_syntaxStatus');
    case 'tag:"to cite"':
      return t('help_syntaxTag');
    case 'has:note':
      return t('help_syntaxNote');
    default:
      return english;
  }
}

/** The copy action's name, as the menus show it. */
function copyActionName(kind: CopyKind): string {
  if (kind === 'bibtex') return t('help_copyBibtex');
  if (kind === 'markdown') return t('help_copyMarkdown');
  return t('help_copyCitation');
}

/**
 * The "?" next to the search box: the query syntax, as a disclosure (a `<details>` whose summary is
 * the named button; Esc inside closes it and returns focus to the button).
 */
export function QueryHelp() {
  const title = t('help_syntaxTitle');
  return (
    <details class="query-help" onKeyDown={closeDetailsOnEscape}>
      <summary aria-label={title} title={title}>
        <span aria-hidden="true">?</span>
      </summary>
      {/* Focusable: where it scrolls (a short window), the keyboard scrolls it too. */}
      <div class="query-help-body" role="note" tabIndex={0}>
        <div class="section-title">{title}</div>
        <dl>
          {QUERY_HELP.map(([example, meaning]) => (
            <Fragment key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaningOf(example, meaning)}</dd>
            </Fragment>
          ))}
        </dl>
        <div class="small faint">{t('help_syntaxKeys')}</div>
        <div class="section-title copy-keys-title">{t('help_copyTitle')}</div>
        <dl class="copy-keys">
          {COPY_SHORTCUTS.map((s) => (
            <Fragment key={s.kind}>
              <dt>
                <kbd>{shortcutKeys(s)}</kbd>
              </dt>
              <dd>{copyActionName(s.kind)}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
    </details>
  );
}
