/** A backup or restore that could not be done, said the way an administrator can act on it. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Words for a file-system failure while writing to the backup folder. */
export function backupFailure(folder: string, e: unknown): BackupError {
  if (e instanceof BackupError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new BackupError(
        `The backup folder ${folder} disappeared while Vigil was writing to it (was a drive removed?).`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new BackupError(`The backup folder ${folder} is full. Free some space or choose another folder.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BackupError(`Vigil may not write to the backup folder ${folder} (${code}).`);
    default:
      return new BackupError(`The backup could not be written to ${folder}: ${(e as Error).message}`);
  }
}
