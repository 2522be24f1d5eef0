/**
 * The roles of the download page, as the office names them, and what each may do. A role is a fixed set of
 * actions, checked by the server before any handler runs; there is no role above another.
 */
export const Role = {
  /** Uploads datasets and renders drafts. */
  editor: 'redacción',
  /** Approves (publishes with a number) or rejects what the editors send. */
  head: 'titular',
  /** Only reads and downloads. */
  reader: 'consulta',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);

export const Action = {
  download: 'descargar',
  upload: 'subir',
  /** See drafts and requests awaiting approval. */
  review: 'revisar',
  approve: 'aprobar',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

const actionsOf: Readonly<Record<Role, readonly Action[]>> = {
  [Role.editor]: [Action.download, Action.upload, Action.review],
  // The head signs off what an editor sent; uploading is the editor's job, so one person never does both.
  [Role.head]: [Action.download, Action.review, Action.approve],
  [Role.reader]: [Action.download],
};

export function roleAllows(role: Role, action: Action): boolean {
  return actionsOf[role].includes(action);
}

/** "redaccion" and "Redacción" both name the editor's role: people type it without the accent. */
export function parseRole(text: string): Role | undefined {
  const folded = text.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return ROLES.find((role) => role.normalize('NFD').replace(/\p{M}/gu, '') === folded);
}
