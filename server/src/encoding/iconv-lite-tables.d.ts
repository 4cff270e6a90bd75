// iconv-lite's single-byte tables (its own data file, plain strings, no Buffer): the
// mojibake rule reads windows-1252 from it, so the service stays browser-safe.
declare module 'iconv-lite/encodings/sbcs-data-generated' {
  const tables: Record<string, string | { type: string; chars: string }>;
  export default tables;
}
