import { defineErrors } from '@ferry/manifest';

/** The error table of two-way sync (recipes with `twoWay`). */
export const syncErrors = defineErrors({
  FERRY_SYNC_NOT_CANONICAL: {
    title: "A two-way recipe's stream does not map onto the recipe's canonical entity",
    hint: "Use a stream whose manifest declares `canonical: { entity: ... }` for the recipe's twoWay.entity, or change twoWay.entity.",
  },
});
