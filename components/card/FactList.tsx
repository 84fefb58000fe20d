import type { relatedFacts } from './model';
import { Sources } from './Sources';

/** Pack facts, each with its sources: used by claim cards and by look-up cards. */
export function FactList({ facts }: { facts: ReturnType<typeof relatedFacts> }) {
  return (
    <ul>
      {facts.map((f, i) => (
        <li key={i}>
          {f.fact.text}
          <Sources sources={f.sources} label="Source" />
        </li>
      ))}
    </ul>
  );
}
