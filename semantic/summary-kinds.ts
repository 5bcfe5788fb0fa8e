import { runEndsKind, runStartKind } from "./runs.js";
import { drawsKind, seedsKind } from "./seeding.js";
import { metricDictKind } from "./metric-summaries.js";
import { rowStatisticKind } from "./splits.js";
import { scoreKind } from "./score-summaries.js";
import { dataFitKind, splitReturnKind } from "./split-summaries.js";
import type { SummaryKind } from "./summaries.js";

/**
 * Every summary kind, in one list: the project index computes each of them
 * for every function of an imported module. A new kind (what a function
 * splits, fits, or measures) is added here.
 */
export const SUMMARY_KINDS: readonly SummaryKind<unknown>[] = [
  seedsKind,
  drawsKind,
  runEndsKind,
  runStartKind,
  rowStatisticKind,
  metricDictKind,
  scoreKind,
  splitReturnKind,
  dataFitKind,
];
