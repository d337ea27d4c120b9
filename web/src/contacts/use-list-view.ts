import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readListView, writeListView, type ListView } from './list-view-params';

/**
 * The list's view (search, sort, columns) kept in the URL. A change shows at once: the router applies URL
 * changes in a React transition, during which controlled inputs would otherwise snap back to the old value.
 */
export function useListView(): [ListView, (change: Partial<ListView>) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => readListView(params), [params]);
  const [pending, setPending] = useState<ListView | null>(null);
  useEffect(() => setPending(null), [params]);
  const view = pending ?? fromUrl;

  const update = useCallback(
    (change: Partial<ListView>) => {
      const next = { ...view, ...change };
      setPending(next);
      setParams(writeListView(next, params), { replace: true });
    },
    [view, params, setParams],
  );
  return [view, update];
}
