// Sign in, sign up (a new organisation, or an invited one) and the forms' error handling.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, auth } from '../api';
import { navigate } from '../router';
import { setAccount } from '../session';
import { useFieldErrors, useTitle } from '../a11y';

/**
 * A form's busy state and its error: one for the whole form (role=alert, read out at once), and,
 * when the server's answer is about one field ({@code fieldOf}), that field marked and focused.
 */
function useForm(id: string, fieldOf: (e: ApiError) => string | null = () => null) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useFieldErrors(id);
  const run = async (form: HTMLFormElement, action: () => Promise<void>) => {
    if (busy) return;
    setError(null);
    if (!fields.check(form)) return;
    setBusy(true);
    try {
      await action();
    } catch (e) {
      const message = e instanceof ApiError ? e.message : 'Something went wrong. Try again.';
      setError(message);
      const field = e instanceof ApiError ? fieldOf(e) : null;
      if (field) fields.fail(form, field, message);
    } finally { setBusy(false); }
  };
  return { error, busy, run, fields };
}

const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;

/** Which field a refused sign-in or sign-up is about, when it is about one. */
function fieldOf(e: ApiError): string | null {
  if (e.code === 'email_taken' || e.code === 'invitation_for_another_email' || /email address/.test(e.message)) return 'email';
  if (e.code === 'wrong_credentials' || /password/i.test(e.message)) return 'password';
  if (/organisation/i.test(e.message)) return 'organisation';
  if (/\bname\b/i.test(e.message)) return 'name';
  return null;
}

export function LoginPage({ next }: { next: string | null }) {
  const { error, busy, run, fields } = useForm('login', fieldOf);
  useTitle('Sign in');
  return (
    <section class="panel narrow">
      <h1>Sign in</h1>
      <form noValidate onInput={fields.onInput} onSubmit={e => { e.preventDefault(); const f = e.currentTarget; run(f, async () => {
        setAccount(await auth.login(value(f, 'email'), value(f, 'password')));
        navigate(next && next.startsWith('/') ? next : '/');
      }); }}>
        <label>Email<input name="email" type="email" autocomplete="username" required {...fields.props('email')} /></label><fields.Error name="email" />
        <label>Password<input name="password" type="password" autocomplete="current-password" required {...fields.props('password')} /></label><fields.Error name="password" />
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" aria-disabled={busy ? 'true' : undefined}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p class="muted">New to Mockroom? <a href="/signup">Sign up</a>.</p>
    </section>
  );
}

export function SignupPage({ invitation }: { invitation?: string }) {
  const { error, busy, run, fields } = useForm(invitation ? 'join' : 'signup', fieldOf);
  const [org, setOrg] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [byInvitation, setByInvitation] = useState(false);
  useEffect(() => {
    if (invitation) auth.invitation(invitation).then(i => setOrg(i.organisationName)).catch(e => setInvalid(e.message));
    else auth.signupOptions().then(o => setByInvitation(!o.newOrganisation)).catch(() => {});
  }, [invitation]);
  useTitle(invitation ? (org ? `Join ${org}` : 'Invitation') : 'Create your organisation');
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
      <form noValidate onInput={fields.onInput} onSubmit={e => { e.preventDefault(); const f = e.currentTarget; run(f, async () => {
        setAccount(await auth.signup({
          ...(invitation ? { invitation } : { organisation: value(f, 'organisation') }),
          name: value(f, 'name'), email: value(f, 'email'), password: value(f, 'password'),
        }));
        navigate('/');
      }); }}>
        {!invitation && <><label>Organisation<input name="organisation" required maxLength={200} placeholder="Acme Hiring" {...fields.props('organisation')} /></label><fields.Error name="organisation" /></>}
        <label>Your name<input name="name" required maxLength={100} autocomplete="name" {...fields.props('name')} /></label><fields.Error name="name" />
        <label>Email<input name="email" type="email" required autocomplete="username" {...fields.props('email')} /></label><fields.Error name="email" />
        <label>Password<input name="password" type="password" required minLength={10} autocomplete="new-password" {...fields.props('password', 'password-hint')} /></label>
        <span class="hint under-field" id="password-hint">At least 10 characters.</span><fields.Error name="password" />
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit" aria-disabled={busy ? 'true' : undefined}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      {!invitation && <p class="muted">Already have an account? <a href="/login">Sign in</a>.</p>}
    </section>
  );
}
