// A server that has its organisation (MOCKROOM_OPEN_SIGNUP off): the start page and /signup offer
// no new organisation and say to ask a colleague for an invitation; the invitation link still
// signs a colleague up, who lands on the sessions page.
import { join } from 'node:path';
import { run, step, check, watch, openPage } from './browser.mjs';

await run(async ({ browser, base, out, pages }) => {
  const problems = [];
  const open = label => openPage(browser, pages, problems, label);

  step('the first account creates the organisation');
  const owner = await open('owner');
  const signup = await owner.request.post(`${base}/api/auth/signup`, {
    data: { organisation: 'Acme Hiring', name: 'Olivia Owner', email: `olivia-${Date.now()}@example.com`, password: 'correct horse battery' },
  });
  check(signup.status() === 201, `first signup: ${signup.status()}`);
  const invite = await (await owner.request.post(`${base}/api/invitations`, { data: {} })).json();

  step('a stranger sees no way to make an organisation of their own');
  const stranger = await open('stranger');
  await stranger.goto(`${base}/`);
  await stranger.getByText('Ask a colleague who has an account for an invitation link.').waitFor();
  check(await stranger.getByRole('link', { name: 'Create an organisation' }).count() === 0, 'no "Create an organisation" on the start page');
  await stranger.screenshot({ path: join(out, 'start-by-invitation.png') });
  await stranger.goto(`${base}/signup`);
  await stranger.getByText('This server has its organisation already: new accounts join it through an invitation link.').waitFor();
  check(await stranger.locator('input[name=organisation]').count() === 0, 'no organisation form on /signup');
  await stranger.screenshot({ path: join(out, 'signup-by-invitation.png') });

  step('a colleague signs up through the invitation link');
  const grace = await open('grace');
  await grace.goto(invite.url.replace(/^https?:\/\/[^/]+/, base));
  await grace.getByRole('heading', { name: 'Join Acme Hiring' }).waitFor();
  await grace.getByLabel('Your name').fill('Grace Hopper');
  await grace.getByLabel('Email').fill(`grace-${Date.now()}@example.com`);
  await grace.getByLabel('Password').fill('correct horse battery');
  await grace.getByRole('button', { name: 'Create account' }).click();
  await grace.waitForURL(`${base}/`);
  await grace.getByRole('link', { name: 'Sessions' }).waitFor();

  check(problems.length === 0, problems.join('\n'));
});
