import type { ComponentChildren } from 'preact';

/** A titled card on the options page, with an optional one-line explanation. */
export function OptionsCard({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="gloss-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p class="gloss-muted gloss-card__intro">{intro}</p> : null}
      {children}
    </section>
  );
}
