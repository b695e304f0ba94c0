// Who is signed in, shared by the pages. Loaded once, refreshed after sign-in and sign-out.
import { useEffect, useState } from 'preact/hooks';
import { auth, type Account } from './api';

let current: Account | null | undefined;
const listeners = new Set<(a: Account | null) => void>();

export function setAccount(a: Account | null) {
  current = a;
  listeners.forEach(l => l(a));
}

/** undefined while loading, null when signed out. */
export function useAccount(): Account | null | undefined {
  const [a, setA] = useState<Account | null | undefined>(current);
  useEffect(() => {
    listeners.add(setA);
    if (current === undefined) auth.me().then(setAccount).catch(() => setAccount(null));
    return () => { listeners.delete(setA); };
  }, []);
  return a;
}
