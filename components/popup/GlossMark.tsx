/**
 * Gloss's mark: a highlighter stroke under a "G", drawn inline so it needs no
 * asset and follows the colour scheme. Decorative: the product name is beside it.
 */
export function GlossMark({ size = 22 }: { size?: number }) {
  return (
    <svg class="gloss-mark" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" class="gloss-mark__tile" />
      <rect x="5" y="15.5" width="14" height="3.5" rx="1.2" class="gloss-mark__stroke" />
      <path d="M15.6 7.4a5 5 0 1 0 1.1 4.6h-4.2" class="gloss-mark__letter" />
    </svg>
  );
}
