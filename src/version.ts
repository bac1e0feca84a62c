/** The package version, sent in the User-Agent header and printed by --version. */
export const VERSION = '0.1.0';
