/** Omit over each member of a union, so discriminated unions keep their variants. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
