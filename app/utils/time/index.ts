// One home for time: zones of the clubs, wall-clock ↔ UTC, and every French date formatter
// (decision 021).
export * from "./zones";
export * from "./wall-clock";
export * from "./format";
