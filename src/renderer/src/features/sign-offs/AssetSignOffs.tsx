import { useState } from 'react';
import type { AssetDetail } from '@shared/contract/engine';
import type { SignOffScope } from '@shared/sign-off';
import { QueryError } from '../../components/QueryError';
import { useSignOffs } from './queries';
import { SignOffDialog } from './SignOffDialog';
import { SignOffStatusText } from './SignOffStatusText';
import { SignatureText } from './SignatureText';

/** The asset panel's sign-offs: those covering this asset with their status, and signing it (or one layer) off. */
export function AssetSignOffs({ detail, today }: { detail: AssetDetail; today: string }) {
  const { asset } = detail;
  const signOffs = useSignOffs(asset.id);
  const [layerId, setLayerId] = useState('');
  const [open, setOpen] = useState(false);
  const layer = detail.layers.find((l) => l.layerId === layerId);
  const scope: SignOffScope = layer ? { kind: 'layer', assetId: asset.id, layerId: layer.layerId } : { kind: 'asset', assetId: asset.id };
  const list = signOffs.data ?? [];
  return (
    <section aria-labelledby={`sign-offs-${asset.id}`}>
      <h4 id={`sign-offs-${asset.id}`}>Sign-offs</h4>
      <QueryError error={signOffs.error} />
      {signOffs.isSuccess && list.length === 0 && <p className="muted">Not signed off yet.</p>}
      <ul className="sign-off-list">
        {list.map((s) => (
          <li key={s.id}>
            <strong>{s.partyName}</strong> on {s.signedOn} — {s.scopeLabel}: <SignOffStatusText signOff={s} />
            <div>
              <SignatureText signature={s.signature} />
            </div>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <label htmlFor={`sign-off-layer-${asset.id}`}>Sign off</label>
        <select id={`sign-off-layer-${asset.id}`} value={layerId} onChange={(e) => setLayerId(e.target.value)}>
          <option value="">every layer</option>
          {detail.layers.map((l) => (
            <option key={l.layerId} value={l.layerId}>
              {l.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setOpen(true)}>
          Sign off…
        </button>
      </div>
      {open && <SignOffDialog scope={scope} scopeLabel={layer ? `${asset.name} × ${layer.title}` : asset.name} today={today} onClose={() => setOpen(false)} />}
    </section>
  );
}
