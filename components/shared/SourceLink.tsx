import type { PackSource } from '../../lib/packs/types';

/** True for URLs that may become links: only web URLs, never `javascript:` or `data:`. */
export function isSafeUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A source shown as "Publisher: title", linked (in a new tab) only when its URL
 * is a web URL. Pack text is always rendered as text, never as markup.
 */
export function SourceLink({ source }: { source: PackSource }) {
  const label = `${source.publisher}: ${source.title}`;
  if (!isSafeUrl(source.url)) return <span class="gloss-source">{label}</span>;
  return (
    <a class="gloss-source" href={source.url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}
