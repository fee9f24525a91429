import { memo, useEffect, useRef } from 'react';
import { onFindRequest } from '../../lib/find-request';

/** The inventory's search box; Ctrl+F (Edit › Find) focuses it. */
export const SearchBox = memo(function SearchBox({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      onFindRequest(() => {
        input.current?.focus();
        input.current?.select();
      }),
    []
  );

  return (
    <div className="filters__facet filters__search">
      <label htmlFor="inventory-search">Search assets</label>
      <input
        ref={input}
        id="inventory-search"
        type="search"
        placeholder="Name, id, type, group, tag… (Ctrl+F)"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
});
