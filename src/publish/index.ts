/**
 * The publish stage: the bulletin registry (numbers, versions, files) and the writing of output files.
 * Called in-process by the CLI, a scheduler and a web server.
 */
export { openRegistry, Registry, DEFAULT_BUSY_TIMEOUT_MS, type OpenRegistryOptions } from './registry.ts';
export { LATEST_SCHEMA_VERSION, migrations, type Migration } from './registry-migrations.ts';
export {
  BulletinState,
  bulletinLabel,
  currentVersion,
  findBulletin,
  listBulletins,
  type BulletinRecord,
  type BulletinVersionRecord,
  type RecordedFile,
  type VersionOwner,
} from './registry-records.ts';
export { peekSequence, setSequenceFloor, type SequenceState } from './numbering.ts';
export {
  publishBulletin,
  fileStatus,
  PublishStep,
  DEFAULT_WAIT_TIMEOUT_MS,
  type FileStatus,
  type Numbering,
  type PublishHooks,
  type PublishRequest,
  type PublishResult,
  type PublishedFile,
  type RenderedFile,
} from './publish-bulletin.ts';
export {
  verifyBulletins,
  type FileCheck,
  type VerificationReport,
  type VersionCheck,
  type VerifyOptions,
} from './verify-bulletins.ts';
export { exportRegistryCsv, toCsv, CSV_COLUMNS } from './export-registry-csv.ts';
export { releaseInterrupted, type ReleasedEntry } from './release-interrupted.ts';
export { parseBulletinRef, type BulletinRef } from './bulletin-ref.ts';
export {
  DRAFTS_FOLDER,
  outputPath,
  padBulletinNumber,
  relativeOutputPath,
  type OutputPathParts,
} from './output-path.ts';
export { writeFileAtomic, cleanStaleTempFiles, sha256Hex, type WriteFileAtomicOptions } from './write-file-atomic.ts';
export {
  resolveDataFolder,
  resolveRegistryPath,
  DATA_FOLDER_ENV,
  REGISTRY_FILE_NAME,
  type DataFolderChoice,
} from './data-folder.ts';
export { PublishConflictError, PublishIoError, RegistryBusyError, RegistryError } from './publish-errors.ts';
export {
  ARCHIVE_MARKER_FILE,
  archiveEvidence,
  archiveIdentity,
  checkArchiveFolder,
  publishedFilesIn,
  readArchiveMarker,
  type ArchiveIdentity,
  type ArchiveMarker,
} from './archive-identity.ts';
export { resolveArchivePath, PUBLISHED_PATH_PATTERN } from './archive-path.ts';
export { rebuildRegistry, type RebuildReport, type RebuildRequest } from './rebuild-registry.ts';
export { backupRegistry, defaultBackupPath, type BackupResult } from './backup-registry.ts';
export { restoreAdvice } from './restore-advice.ts';
export { neutralizeFormula } from './export-registry-csv.ts';
