// Sign in, sign up (a new organisation, or an invited one) and the forms' error handling.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, auth } from '../api';
import { navigate } from '../router';
import { setAccount } from '../session';

function useForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try { await action(); } catch (e) { setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.'); } finally { setBusy(false); }
  };
  return { error, busy, run };
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;

export function LoginPage({ next }: { next: string | null }) {
  const { error, busy, run } = useForm();
  return (
    <section class="panel narrow">
      <h1>Sign in</h1>
      <form onSubmit={e => { e.preventDefault(); const f = e.currentTarget; run(async () => {
        setAccount(await auth.login(value(f, 'email'), value(f, 'password')));
        navigate(next && next.startsWith('/') ? next : '/');
      }); }}>
        <label>Email<input name="email" type="email" autocomplete="username" required /></label>
        <label>Password<input name="password" type="password" autocomplete="current-password" required /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p class="muted">New to Mockroom? <a href="/signup">Sign up</a>.</p>
    </section>
  );
}

export function SignupPage({ invitation }: { invitation?: string }) {
  const { error, busy, run } = useForm();
  const [org, setOrg] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [byInvitation, setByInvitation] = useState(false);
  useEffect(() => {
    if (invitation) auth.invitation(invitation).then(i => setOrg(i.organisationName)).catch(e => setInvalid(e.message));
    else auth.signupOptions().then(o => setByInvitation(!o.newOrganisation)).catch(() => {});
  }, [invitation]);
  if (invalid) return <section class="panel narrow"><h1>Invitation</h1><p class="error" role="alert">{invalid}</p></section>;
  if (byInvitation) {
    return (
      <section class="panel narrow">
        <h1>Sign up</h1>
        <p>This server has its organisation already: new accounts join it through an invitation link. Ask a colleague who has an account for one.</p>
        <p class="muted">Already have an account? <a href="/login">Sign in</a>.</p>
      </section>
    );
  }
  return (
    <section class="panel narrow">
      <h1>{invitation ? `Join ${org ?? '…'}` : 'Create your organisation'}</h1>
      <form onSubmit={e => { e.preventDefault(); const f = e.currentTarget; run(async () => {
        setAccount(await auth.signup({
          ...(invitation ? { invitation } : { organisation: value(f, 'organisation') }),
          name: value(f, 'name'), email: value(f, 'email'), password: value(f, 'password'),
        }));
        navigate('/');
      }); }}>
        {!invitation && <label>Organisation<input name="organisation" required maxLength={200} placeholder="Acme Hiring" /></label>}
        <label>Your name<input name="name" required maxLength={100} autocomplete="name" /></label>
        <label>Email<input name="email" type="email" required autocomplete="username" /></label>
        <label>Password<input name="password" type="password" required minLength={10} autocomplete="new-password" />
          <span class="hint">At least 10 characters.</span></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      {!invitation && <p class="muted">Already have an account? <a href="/login">Sign in</a>.</p>}
    </section>
  );
}
