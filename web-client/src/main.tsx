import { render } from 'preact';
import './styles.css';
import { useLocation } from './router';
import { BankPage } from './pages/BankPage';

function NotFound() {
  return (
    <section class="panel empty">
      <h1>Nothing here</h1>
      <p>This page does not exist. <a href="/bank">Go to the question bank</a>.</p>
    </section>
  );
}

function App() {
  const { path, query } = useLocation();
  const page = path === '/' || path === '/bank' ? <BankPage query={query} /> : <NotFound />;
  return (
    <>
      <header class="topbar">
        <a class="brand" href="/">Mockroom</a>
        <nav aria-label="Main">
          <a href="/bank" aria-current={path === '/' || path === '/bank' ? 'page' : undefined}>Question bank</a>
        </nav>
      </header>
      <main class="main">{page}</main>
    </>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading…" line
render(<App />, root);
