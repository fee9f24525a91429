import type { Handlers } from '../router';
import { engineHandlers } from './engine';
import { workbookHandlers } from './workbook';

/** Every method of the contract, bound to its handler. TypeScript checks none is missing. */
export const HANDLERS: Handlers = {
  ...workbookHandlers,
  ...engineHandlers
};
