import { engineMethods } from '../../shared/contract/engine';
import { DemarcError } from '../../shared/errors';
import type { Handlers } from '../router';

type EngineMethod = keyof typeof engineMethods;
type EngineHandlers = Pick<Handlers, EngineMethod>;

// Placeholder until the engine services land: every method answers a clear error.
const notYet = () => {
  throw new DemarcError('INTERNAL', 'Not implemented yet.');
};

export const engineHandlers = Object.fromEntries(Object.keys(engineMethods).map((name) => [name, notYet])) as unknown as EngineHandlers;
