import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Session } from './sessions';

export interface CallContext {
  session: Session;
  /** The signed-in staff member's id, when there is one. */
  staffId: string | null;
}

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: CallContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A domain's handlers for some of the contract's methods. */
export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };

/** Every method of the contract, exactly once: a missing or extra handler is a type error. */
export type FullHandlerTable = HandlerTable<MethodName>;
