/** The signing key's contract methods: show it, create it. They need no open workbook. */
import type { signingMethods } from '@shared/contract/signing';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import { signingKeyInfo, type SigningKeyStore } from '../signing/key-store';
import type { ServiceContext } from '../services/context';

type SigningHandlers = Pick<Handlers, keyof typeof signingMethods>;

function store(ctx: ServiceContext): SigningKeyStore {
  if (ctx.signingKey === undefined) throw new DemarcError('RULE_VIOLATION', 'No signing key store is set up for this run.');
  return ctx.signingKey;
}

export const signingHandlers: SigningHandlers = {
  'signing.key': (_input, ctx) => signingKeyInfo(store(ctx.services)),
  'signing.createKey': (_input, ctx) => {
    const keys = store(ctx.services);
    keys.create();
    return signingKeyInfo(keys);
  }
};
