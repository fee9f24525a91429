import type { MissingModel } from '@shared/domain';

const NAMED_BY: Record<MissingModel['source'], string> = {
  asset: 'Its own model',
  provider: 'Its provider’s model',
  default: 'The workbook’s default model'
};

/**
 * The asset names a responsibility model the workbook does not hold (MODEL_MISSING): what it is
 * read under meanwhile, and the explicit repair. Nothing changes until the user chooses.
 */
export function MissingModelNotice({ missing, readUnder, busy, onKeep }: { missing: MissingModel; readUnder: string; busy: boolean; onKeep: () => void }) {
  return (
    <div className="missing-model" data-testid="missing-model">
      <p>
        <strong>Model not in the workbook.</strong> {NAMED_BY[missing.source]}, “{missing.id}”, is not in this workbook; the asset is read
        under {readUnder} until you choose a model.
        {missing.source === 'asset'
          ? ''
          : ` To repair every asset following it, choose ${missing.source === 'default' ? 'the default model' : 'the provider’s model'} under Responsibility.`}
      </p>
      <button type="button" disabled={busy} onClick={onKeep}>
        Read it under {readUnder}…
      </button>
    </div>
  );
}
