import { useId, useState, type FormEvent } from 'react';
import type { SavedSet } from '@shared/saved-set';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSavedSetMutations } from './queries';

export function RenameSetDialog({ set, onClose }: { set: SavedSet; onClose: () => void }) {
  const [name, setName] = useState(set.name);
  const { rename } = useSavedSetMutations();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: set.id, name }, { onSuccess: onClose });
  };
  return (
    <Dialog
      title={`Rename “${set.name}”`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={rename.isPending || name.trim() === ''}>
            Rename
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form" onSubmit={submit}>
        {rename.error && <ErrorBanner message={rename.error.message} />}
        <label htmlFor={`${id}-name`}>New name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </form>
    </Dialog>
  );
}
