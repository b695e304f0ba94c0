// The app's location: path and query, changed with the history API so links can be shared.
import { useEffect, useState } from 'preact/hooks';

/**
 * Asked before the app navigates anywhere (links, buttons), with the target; false stays put. One
 * at a time: a form with unsaved changes sets it while it has them, and clears it when it goes.
 */
let leaving: ((url: string) => boolean) | null = null;

export function guardLeaving(guard: ((url: string) => boolean) | null) {
  leaving = guard;
}

export function navigate(url: string, replace = false) {
  if (leaving && !leaving(url)) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useLocation() {
  const [loc, setLoc] = useState({ path: location.pathname, query: new URLSearchParams(location.search) });
  useEffect(() => {
    const update = () => setLoc({ path: location.pathname, query: new URLSearchParams(location.search) });
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return loc;
}
