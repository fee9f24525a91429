import { QueryError } from '../../components/QueryError';
import { todayIso } from '../../lib/labels';
import { useFacets } from '../inventory/queries';
import { NewScopeSignOff } from './NewScopeSignOff';
import { useSignOffs } from './queries';
import { SignOffTable } from './SignOffTable';
import './sign-offs.css';

/** Every sign-off with whether it still holds, and signing off the workbook or a filtered scope. */
export function SignOffsView() {
  const signOffs = useSignOffs(null);
  const list = signOffs.data ?? [];
  const stale = list.filter((s) => s.stale !== null).length;
  const facets = useFacets();
  const today = todayIso();
  return (
    <div className="sign-offs">
      <NewScopeSignOff serviceModels={facets.data?.serviceModels ?? []} today={today} />
      <section aria-labelledby="sign-offs-list-title">
        <h3 id="sign-offs-list-title">
          Sign-offs{list.length > 0 && <span className="muted"> — {list.length} recorded, {stale} stale</span>}
        </h3>
        <QueryError error={signOffs.error} />
        {signOffs.isSuccess && list.length === 0 && <p className="muted">Nothing signed off yet. Sign off an asset from its panel in the Inventory, or a scope above.</p>}
        {list.length > 0 && <SignOffTable signOffs={list} caption="Sign-offs" />}
      </section>
    </div>
  );
}
