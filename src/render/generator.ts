/** The program's name as written into every file's properties ("creator", "generator"): a name, not a word. */
export const GENERATOR = 'Boletín';
