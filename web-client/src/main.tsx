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
import { useEffect, useState } from 'preact/hooks';

function NotFound() {
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

function App() {
  const { path, query } = useLocation();
  const account = useAccount();
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
      <main class={path.startsWith('/rooms/') || candidate ? 'main wide' : 'main'}>{page}</main>
    </>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading…" line
render(<App />, root);

// Links inside the app navigate without reloading the page.
document.addEventListener('click', e => {
  const a = (e.target as HTMLElement).closest('a');
  if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
