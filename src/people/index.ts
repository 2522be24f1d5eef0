/** The people who use the download page: accounts, roles, password hashes, sessions, sign-in throttling. */
export { Role, ROLES, Action, roleAllows, parseRole } from './roles.ts';
export { hashPassword, verifyPassword, UNKNOWN_ACCOUNT_HASH, MIN_PASSWORD_LENGTH } from './password-hash.ts';
export {
  addPerson,
  countPeople,
  findPerson,
  findPersonById,
  listPeople,
  removePerson,
  setPassword,
  type NewPerson,
  type Person,
  type PersonWithHash,
} from './accounts.ts';
export {
  openSession,
  readSession,
  closeSession,
  sameToken,
  randomToken,
  SESSION_LIFETIME_MS,
  type Session,
} from './sessions.ts';
export { signInWait, recordFailedSignIn, clearFailedSignIns, throttleKeys } from './sign-in-throttle.ts';
