/**
 * The numbering plans of a group of calling codes, in libphonenumber-js's metadata format
 * (the arrays are its compressed form; it reads them, we never do).
 */
export interface MetadataGroup {
  countries: Record<string, unknown[]>;
  nonGeographic?: Record<string, unknown[]>;
}
