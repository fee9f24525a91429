import type { Handlers } from '../router';
import { engineHandlers } from './engine';
import { importHandlers } from './import';
import { exportHandlers } from './export';
import { pictureHandlers } from './picture';
import { roundTripHandlers } from './roundtrip';
import { frameworkHandlers } from './frameworks';
import { workbookHandlers } from './workbook';
import { auditHandlers } from './audit';
import { workshopHandlers } from './workshop';
import { mergeHandlers } from './merge';
import { referenceHandlers } from './references';
import { asOfHandlers } from './as-of';
import { savedSetHandlers } from './saved-sets';
import { bulkRaciHandlers } from './bulk-raci';
import { signingHandlers } from './signing';

/** Every method of the contract, bound to its handler. TypeScript checks none is missing. */
export const HANDLERS: Handlers = {
  ...workbookHandlers,
  ...engineHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...roundTripHandlers,
  ...pictureHandlers,
  ...frameworkHandlers,
  ...auditHandlers,
  ...workshopHandlers,
  ...mergeHandlers,
  ...referenceHandlers,
  ...asOfHandlers,
  ...savedSetHandlers,
  ...bulkRaciHandlers,
  ...signingHandlers
};
