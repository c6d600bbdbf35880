import type { Contract, MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Session } from './sessions';

/** A call anyone holding the shell's token may make: nobody may be signed in. */
export interface PublicContext {
  session: Session;
  staffId: string | null;
}

/** A call dispatch let through only for a signed-in session: the staff id is always set. */
export interface SignedInContext {
  session: Session;
  staffId: string;
}

export type CallContext = PublicContext | SignedInContext;

/** The context a method's handler gets, from its contract access. */
export type ContextFor<M extends MethodName> = Contract[M]['access'] extends 'public' ? PublicContext : SignedInContext;

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: ContextFor<M>,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** A domain's handlers for some of the contract's methods. */
export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };

/** Every method of the contract, exactly once: a missing or extra handler is a type error. */
export type FullHandlerTable = HandlerTable<MethodName>;
