import type { CallError } from '../lib/api';

/**
 * The refusal in words. When several fields were refused, says how many more
 * wait below; `summarize` (forms whose fields show their own messages) names
 * only the count, so one short form does not say the same thing twice.
 */
function messageOf(error: CallError | string | undefined, summarize: boolean): string | undefined {
  if (typeof error !== 'object') return error;
  const count = Object.keys(error.fields ?? {}).length;
  if (summarize && count > 0) {
    return `Not saved yet. Fix ${count === 1 ? 'the field' : `the ${count} fields`} marked below, then save again.`;
  }
  const more = count - 1;
  if (more < 1) return error.message;
  return `${error.message.replace(/\.$/, '')}. ${more} more ${more === 1 ? 'field needs' : 'fields need'} fixing below.`;
}

/** A refusal or failure, announced at once. Always rendered so the live region exists before it speaks. */
export function ErrorNotice({
  error,
  summarize = false,
}: {
  error?: CallError | string | undefined;
  summarize?: boolean;
}) {
  const message = messageOf(error, summarize);
  return (
    <div role="alert" className={message ? 'notice notice-error' : 'notice-empty'}>
      {message && (
        <>
          <span className="notice-icon" aria-hidden="true">
            ⚠
          </span>
          <span>{message}</span>
        </>
      )}
    </div>
  );
}

/** A quiet confirmation ("Saved"), read out politely. */
export function StatusNotice({ message }: { message: string | undefined }) {
  return (
    <div role="status" className={message ? 'notice notice-ok' : 'notice-empty'}>
      {message && (
        <>
          <span className="notice-icon" aria-hidden="true">
            ✓
          </span>
          <span>{message}</span>
        </>
      )}
    </div>
  );
}
