// Units of time the business counts in.
export const DAY_MS = 86_400_000;
