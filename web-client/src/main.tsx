import { render } from 'preact';
import './styles.css';
import './room.css';
import { navigate, useLocation } from './router';
import { BankPage } from './pages/BankPage';
import { LoginPage, SignupPage } from './pages/AuthPages';
import { NewSessionPage, SessionsPage, goToLogin } from './pages/SessionsPage';
import { CandidateJoinPage, StaffRoomPage } from './pages/RoomPage';
import { ReviewListPage, ReviewSessionPage } from './pages/ReviewPage';
import { CandidatePage } from './pages/CandidatePage';
import { PracticePage } from './pages/PracticePage';
import { setAccount, useAccount } from './session';
import { auth } from './api';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Announcer, focusElement, focusWhenShown, useTitle } from './a11y';

function NotFound() {
  useTitle('Page not found');
  return (
    <section class="panel empty">
      <h1>Nothing here</h1>
      <p>This page does not exist. <a href="/">Go to the start page</a>.</p>
    </section>
  );
}

/** Pages that need an account send people to sign in first, and back afterwards. */
function SignedIn({ children }: { children: preact.ComponentChildren }) {
  const account = useAccount();
  useEffect(() => { if (account === null) goToLogin(); }, [account]);
  return account ? <>{children}</> : <p class="muted">Loading…</p>;
}

function Landing() {
  const account = useAccount();
  // Whether this server takes a new organisation (its first, or any when sign-up is open).
  const [newOrganisation, setNewOrganisation] = useState(true);
  useEffect(() => { if (account === null) auth.signupOptions().then(o => setNewOrganisation(o.newOrganisation)).catch(() => {}); }, [account]);
  useTitle(account === null ? 'Live mock interviews' : null);
  if (account === undefined) return <p class="muted">Loading…</p>;
  if (account) return <SessionsPage />;
  return (
    <section class="panel narrow hero">
      <h1>Live mock interviews, self-hosted</h1>
      <p>Push questions from your bank, write code together in a shared editor, keep every session's transcript and scores.</p>
      {!newOrganisation && <p class="muted">New here? Ask a colleague who has an account for an invitation link.</p>}
      <p class="actions">{newOrganisation && <a class="button primary" href="/signup">Create an organisation</a>}<a class={newOrganisation ? 'button' : 'button primary'} href="/login">Sign in</a></p>
    </section>
  );
}

/** The live room and the candidate's pages manage their own focus and title. */
const ownsFocus = (path: string) => path.startsWith('/rooms/') || path.startsWith('/join/');

/**
 * After the app moves to another page (a link, a button, Back), focus goes to the new page's main
 * heading, so a keyboard or screen reader user starts there, as after a page load — not left on a
 * link of the previous page or on nothing. Not on the first page (the browser starts at the top),
 * not when the page itself moved focus somewhere meanwhile.
 */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    if (ownsFocus(path)) return;
    const main = document.getElementById('main');
    if (!main) return;
    const before = document.activeElement;
    const stillThere = () => document.activeElement === before || document.activeElement === document.body || !document.activeElement;
    const stop = focusWhenShown(main, 'h1');
    const check = window.setInterval(() => { if (!stillThere()) stop(); }, 100);
    return () => { stop(); window.clearInterval(check); };
  }, [path]);
}

function App() {
  const { path, query } = useLocation();
  const account = useAccount();
  useFocusOnNavigation(path);
  // A page names the tab in its own effect, which runs after this: one that does not leaves no
  // other page's name behind.
  useLayoutEffect(() => { document.title = 'Mockroom'; }, [path]);
  let page;
  let m: RegExpMatchArray | null;
  if (path === '/') page = <Landing />;
  else if (path === '/bank') page = <SignedIn><BankPage query={query} /></SignedIn>;
  else if (path === '/login') page = <LoginPage next={query.get('next')} />;
  else if (path === '/signup') page = <SignupPage />;
  else if ((m = path.match(/^\/invite\/([\w-]+)$/))) page = <SignupPage invitation={m[1]} />;
  else if (path === '/sessions/new') page = <SignedIn><NewSessionPage /></SignedIn>;
  else if ((m = path.match(/^\/rooms\/([0-9a-f-]{36})$/))) page = <SignedIn><StaffRoomPage id={m[1]} /></SignedIn>;
  else if ((m = path.match(/^\/join\/([\w-]+)$/))) page = <CandidateJoinPage token={m[1]} />;
  else if (path === '/review/candidate') page = <SignedIn><CandidatePage email={query.get('email') ?? ''} /></SignedIn>;
  else if (path === '/review') page = <SignedIn><ReviewListPage query={query} /></SignedIn>;
  else if (path === '/practice') page = <SignedIn><PracticePage /></SignedIn>;
  else if ((m = path.match(/^\/review\/([0-9a-f-]{36})$/))) page = <SignedIn><ReviewSessionPage id={m[1]} /></SignedIn>;
  else page = <NotFound />;
  const candidate = path.startsWith('/join/');
  return (
    <>
      <a class="skip-link" href="#main" onClick={e => { e.preventDefault(); const main = document.getElementById('main')!; focusElement(main.querySelector('h1') ?? main); }}>Skip to main content</a>
      <header class="topbar">
        <a class="brand" href={candidate ? location.pathname : '/'}>Mockroom</a>
        {!candidate && (
          <nav aria-label="Main">
            {account && <a href="/" aria-current={path === '/' ? 'page' : undefined}>Sessions</a>}
            {account && <a href="/review" aria-current={path.startsWith('/review') ? 'page' : undefined}>Review</a>}
            {account && <a href="/practice" aria-current={path === '/practice' ? 'page' : undefined}>Practice</a>}
            <a href="/bank" aria-current={path === '/bank' ? 'page' : undefined}>Question bank</a>
          </nav>
        )}
        {!candidate && (
          <span class="account">
            {account ? (
              <>
                <span class="muted-inverse">{account.name} · {account.organisationName}</span>
                <button class="link-inverse" onClick={() => auth.logout().finally(() => { setAccount(null); navigate('/'); })}>Sign out</button>
              </>
            ) : account === null ? <a href="/login">Sign in</a> : null}
          </span>
        )}
      </header>
      <main id="main" tabIndex={-1} class={path.startsWith('/rooms/') || candidate ? 'main wide' : 'main'}>{page}</main>
      <Announcer />
    </>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading…" line
render(<App />, root);

// Links inside the app navigate without reloading the page.
document.addEventListener('click', e => {
  const a = (e.target as HTMLElement).closest('a');
  if (!a || a.target || a.getAttribute('href')?.startsWith('#') || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
