/** A translation function: a key and its values in, a sentence out. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** One line of a readable change: a label, and the value before and after, in words. */
export interface ReadableChange {
  label: string;
  before?: string;
  after?: string;
}
