/**
 * Types for the `hyphen` package (ytiurin/hyphen, ISC), which ships none: each language folder exports
 * the same four functions built from that language's TeX patterns (hyph-utf8).
 */
declare module 'hyphen/es/index.js' {
  const hyphenator: import('./hyphen-module.ts').HyphenModule;
  export default hyphenator;
}

declare module 'hyphen/en-us/index.js' {
  const hyphenator: import('./hyphen-module.ts').HyphenModule;
  export default hyphenator;
}
