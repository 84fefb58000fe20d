import type { ComponentChildren } from 'preact';

/**
 * One empty or odd state of the popup: a headline, a plain sentence, and the
 * one action that helps (if any).
 */
export function StatusMessage({ title, body, children, tone = 'neutral' }: {
  title: string;
  body: string;
  children?: ComponentChildren;
  tone?: 'neutral' | 'busy';
}) {
  return (
    <section class={`gloss-status is-${tone}`} aria-live="polite">
      <h2>{title}</h2>
      <p>{body}</p>
      {children ? <div class="gloss-status__actions">{children}</div> : null}
    </section>
  );
}
