import type { z } from 'zod';
import { authContract } from './auth';
import { staffContract } from './staff';
import { branchesContract } from './branches';
import { auditContract } from './audit';
import { journalContract } from './journal';
import { settingsContract } from './settings';
import { systemContract } from './system';
import { camerasContract } from './cameras';
import { guidelinesContract } from './guidelines';
import { peopleContract } from './people';
import { incidentsContract } from './incidents';
import { attachmentsContract } from './attachments';
import { alertsContract } from './alerts';
import { bansContract } from './bans';
import { callsContract } from './calls';
import { evacuationContract } from './evacuation';
import { closingContract } from './closing';
import { roundsContract } from './rounds';
import { replayContract } from './replay';
import { shiftsContract } from './shifts';
import { resourcesContract } from './resources';
import { mailContract } from './mail';
import { activityContract } from './activity';
import { maintenanceContract } from './maintenance';
import { retentionContract } from './retention';
import type { Result } from '../result';
import type { EventName, EventPayload } from './events';

/** Every method the renderer can call, declared once. Adding one: see src/shared/README.md. */
export const contract = {
  ...systemContract,
  ...authContract,
  ...staffContract,
  ...branchesContract,
  ...settingsContract,
  ...auditContract,
  ...journalContract,
  ...camerasContract,
  ...guidelinesContract,
  ...peopleContract,
  ...incidentsContract,
  ...attachmentsContract,
  ...alertsContract,
  ...bansContract,
  ...callsContract,
  ...evacuationContract,
  ...closingContract,
  ...roundsContract,
  ...replayContract,
  ...shiftsContract,
  ...resourcesContract,
  ...mailContract,
  ...activityContract,
  ...maintenanceContract,
  ...retentionContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What the caller passes (before zod defaults and transforms). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The object a shell puts on window.vigil: the same in Electron and in the browser. */
export interface VigilBridge {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { events } from './events';
export type { EventName, EventPayload } from './events';
export * from './auth';
export * from './staff';
export * from './branches';
export * from './audit';
export * from './journal';
export * from './settings';
export * from './system';
export * from './cameras';
export * from './guidelines';
export * from './people';
export * from './incidents';
export * from './attachments';
export * from './alerts';
export * from './bans';
export * from './calls';
export * from './evacuation';
export * from './closing';
export * from './rounds';
export * from './replay';
export * from './shifts';
export * from './resources';
export * from './mail';
export * from './activity';
export * from './contact-fields';
export * from './maintenance';
export * from './retention';
