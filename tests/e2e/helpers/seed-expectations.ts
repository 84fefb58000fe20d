/**
 * What Gloss should find on the bundled seed article (samples/seed-korus-2017.html,
 * the project's own article). These are the engine's targets from the seed's
 * labels: 10 official mentions, 10 figures, 10 claims.
 */
export const SEED_EXPECTED = {
  officials: 10,
  figures: 10,
  claims: 10,
  /** People the popup must list among the seed's officials. */
  officialNames: ['Kim Hyun-chong', 'Jamieson Greer', 'Moon Jae-in'],
  /** An official's name as written in the article, used to aim the mouse at a highlight. */
  hoverText: 'Kim Hyun-chong',
} as const;
