import type { Locator, Page } from 'playwright-core';
import { ADMIN_BROWSER_DIR, type ApiServer, startApiServer } from './support/api-server';
import { type BrowserSession, eventually, launchBrowser, screenshot, seriousA11yViolations, texts } from './support/browser';
import { gzipSizes } from './support/budget';

const ADMIN = { email: 'first.admin@e2e.test', password: 'E2e first admin passphrase 2026' };
/** Seeded through the API: a known starting point for the stats and filters. */
const GRACE = {
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@e2e.test',
  role: 'moderator',
  password: 'Grace compiles COBOL since 1959',
};
const ALAN = { firstName: 'Alan', lastName: 'Turing', email: 'alan@e2e.test', role: 'user', password: 'Alan breaks Enigma at Bletchley' };
const ADA = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@e2e.test', role: 'user', password: 'Ada writes the first program 1843' };
const KATHERINE = { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@e2e.test' };
/** Added with the keyboard only. */
const MARGARET = { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret@e2e.test' };
const NEW_ADMIN_PASSWORD = 'A brand new admin passphrase 2027';

/** Initial JavaScript and CSS of the production build, after gzip: the budget of the brief. */
const INITIAL_GZIP_BUDGET = 350 * 1024;

let server: ApiServer;
let session: BrowserSession;
let page: Page;
let adminToken: string;
let katherinePassword: string;
/** Every password the app generated during the run: none may reach the API log. */
const generatedPasswords: string[] = [];
const started = Date.now();

async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function signIn(email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

async function expectNoSeriousA11yViolations(screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect({ screen, violations }).toEqual({ screen, violations: [] });
}

/** The names in the user table, in order. */
async function tableNames(): Promise<string[]> {
  return (await texts(page.locator('tr[data-testid="user-row"] td.mat-column-name'))).map((t) => t.replace(' (you)', ''));
}

async function stat(id: string): Promise<string> {
  return (await page.getByTestId(`stat-${id}`).innerText()).replace(/\s+/g, ' ').trim();
}

async function chooseOption(label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openRowAction(name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** The accessible name (or text) of the element that has the focus. */
async function focusedName(): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  });
}

/** A shown-once secret survives a stray Esc and a click on the backdrop; only its button closes it. */
async function expectNotDismissible(dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  await page.waitForTimeout(300);
  expect(await dialog.getByTestId('secret').isVisible()).toBe(true);
}

/** Waits for the snackbar to say exactly this (an older message may still be fading out). */
async function expectSnackbar(text: string): Promise<void> {
  await page.locator('.mat-mdc-snack-bar-label').getByText(text, { exact: true }).waitFor();
}

beforeAll(async () => {
  server = await startApiServer({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  process.stdout.write(`admin-e2e: API at ${server.baseUrl} on ${server.database}\n`);
  session = await launchBrowser(server.baseUrl);
  page = session.page;

  const login = await api<{ accessToken: string }>('/api/auth/login', {
    method: 'POST',
    body: { email: ADMIN.email, password: ADMIN.password },
  });
  expect(login.status).toBe(200);
  adminToken = login.body.accessToken;
  for (const user of [GRACE, ALAN, ADA]) {
    const created = await api<{ user: { id: string } }>('/api/users', { method: 'POST', body: user, token: adminToken });
    expect(created.status).toBe(201);
    if (user === ADA)
      expect((await api(`/api/users/${created.body.user.id}/deactivate`, { method: 'POST', token: adminToken })).status).toBe(200);
  }
}, 120_000);

afterEach(() => {
  // Any console error or uncaught exception fails the step that caused it.
  expect(session?.takeConsoleErrors() ?? []).toEqual([]);
});

afterAll(async () => {
  await session?.browser.close();
  await server?.stop();
  process.stdout.write(`admin-e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

describe('the admin dashboard in Chromium, against the production builds', () => {
  it('keeps the initial JavaScript and CSS under 350 kB gzip', () => {
    const sizes = gzipSizes(ADMIN_BROWSER_DIR);
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(Object.keys(sizes).some((f) => f.startsWith('main-'))).toBe(true);
    expect(total).toBeLessThan(INITIAL_GZIP_BUDGET);
  });

  it('sends a signed-out visitor to sign-in, explains a wrong password, then returns to the page asked for', async () => {
    await page.goto('/admin/users');
    await page.waitForURL('**/login?returnUrl=%2Fadmin%2Fusers');
    await expectNoSeriousA11yViolations('login');
    await screenshot(page, '01-login');

    await signIn(ADMIN.email, 'not the right password at all');
    expect(await page.getByTestId('login-error').innerText()).toBe('The email or password is not correct.');

    await signIn(ADMIN.email, ADMIN.password);
    await page.waitForURL('**/admin/users');
    await page.getByRole('heading', { name: 'User Management' }).waitFor();
    expect(await page.getByTestId('account-name').innerText()).toBe('Admin User');
    expect(await page.getByTestId('account-role').innerText()).toBe('Admin');
  });

  it('shows the stats cards with the right numbers and the table', async () => {
    // The first admin plus Grace, Alan and Ada (deactivated).
    await eventually(async () => expect(await stat('total')).toBe('Total Users 4'));
    expect(await stat('active')).toBe('Active Users 3 75% of all');
    expect(await stat('inactive')).toBe('Inactive Users 1');
    expect(await stat('admins')).toBe('Admins 1');
    await eventually(async () =>
      expect((await tableNames()).sort()).toEqual(['Ada Lovelace', 'Admin User', 'Alan Turing', 'Grace Hopper']),
    );
    await expectNoSeriousA11yViolations('users');
    await screenshot(page, '02-users');
  });

  it('keeps the session over a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'User Management' }).waitFor();
    expect(page.url()).toMatch(/\/admin\/users$/);
  });

  it('adds a user with a generated password shown once, and that user can sign in', async () => {
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill(KATHERINE.firstName);
    await dialog.getByLabel('Last name').fill(KATHERINE.lastName);
    await dialog.getByLabel('Email').fill(KATHERINE.email);
    await expectNoSeriousA11yViolations('add-user-dialog');
    await screenshot(page, '03-add-user');
    await dialog.getByRole('button', { name: 'Add user' }).click();

    await dialog.getByRole('heading', { name: 'User added' }).waitFor();
    katherinePassword = await dialog.getByTestId('secret').inputValue();
    generatedPasswords.push(katherinePassword);
    expect(katherinePassword).toHaveLength(20);
    expect(await dialog.innerText()).toContain('it will not be shown again');
    await expectNoSeriousA11yViolations('add-user-password-shown-once');
    await expectNotDismissible(dialog);
    await dialog.getByRole('button', { name: /^Copy/ }).click();
    await dialog.getByText('Copied to the clipboard.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await stat('total')).toBe('Total Users 5'));
    expect(await tableNames()).toContain('Katherine Johnson');

    await signOut();
    await signIn(KATHERINE.email, katherinePassword);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('account-role').innerText()).toBe('User');
  });

  it('shows a User only what their role allows, and "no access" for an admin URL', async () => {
    expect(await page.getByTestId('admin-nav').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'User Management' }).count()).toBe(0);
    await expectNoSeriousA11yViolations('dashboard-user');
    await screenshot(page, '04-dashboard-user');

    for (const url of ['/admin/users', '/admin/audit', '/admin/tokens']) {
      await page.goto(url);
      await page.getByRole('heading', { name: 'No access' }).waitFor();
      expect(page.url()).toMatch(new RegExp(`${url}$`));
    }
    expect(await page.locator('main').innerText()).toContain('Your role (User) does not allow this page.');
    await expectNoSeriousA11yViolations('no-access');
    await screenshot(page, '05-no-access');
    await signOut();
  });

  it('shows a Moderator no Administration section either', async () => {
    await signIn(GRACE.email, GRACE.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('account-role').innerText()).toBe('Moderator');
    expect(await page.getByTestId('admin-nav').count()).toBe(0);
    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    await signOut();
  });

  it('narrows the table by search, role and status, keeps the filters in the URL over a reload', async () => {
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'User Management' }).first().click();
    await page.getByRole('heading', { name: 'User Management' }).waitFor();

    await page.getByLabel('Search by name or email').fill('HOPP');
    await page.waitForURL(/search=HOPP/);
    await eventually(async () => expect(await tableNames()).toEqual(['Grace Hopper']));

    await page.getByLabel('Search by name or email').fill('');
    await eventually(async () => expect(page.url()).not.toContain('search='));
    await chooseOption('Role', 'User');
    await page.waitForURL(/role=user/);
    await eventually(async () => expect((await tableNames()).sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Katherine Johnson']));

    await chooseOption('Status', 'Inactive');
    await page.waitForURL(/status=inactive/);
    await eventually(async () => expect(await tableNames()).toEqual(['Ada Lovelace']));

    await page.getByRole('columnheader', { name: 'Name' }).click();
    await page.waitForURL(/sort=name/);
    await page.reload();
    await page.getByRole('heading', { name: 'User Management' }).waitFor();
    await eventually(async () => expect(await tableNames()).toEqual(['Ada Lovelace']));
    expect(await page.getByRole('combobox', { name: 'Role' }).innerText()).toBe('User');
    expect(await page.getByRole('combobox', { name: 'Status' }).innerText()).toBe('Inactive');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await eventually(async () => expect(await tableNames()).toHaveLength(5));
    // Sorted by name, A→Z, as the URL still says.
    expect(await tableNames()).toEqual([...(await tableNames())].sort((a, b) => a.localeCompare(b)));
  });

  it('edits a role', async () => {
    await openRowAction('Alan Turing', 'Edit');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').waitFor();
    await expectNoSeriousA11yViolations('edit-dialog');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Moderator', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectSnackbar('Alan Turing saved.');
    await eventually(async () =>
      expect(await page.locator('tr[data-testid="user-row"]', { hasText: 'Alan Turing' }).locator('td.mat-column-role').innerText()).toBe(
        'Moderator',
      ),
    );
    // Focus came back to the row's menu button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Actions for Alan Turing');
  });

  it("sets another user's password to a generated one, shown once, and that user signs in with it", async () => {
    await openRowAction('Alan Turing', 'Change password');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Change password of Alan Turing' }).waitFor();
    expect(await dialog.getByRole('radio', { name: 'Generate one (shown once)' }).isChecked()).toBe(true);
    await expectNoSeriousA11yViolations('set-password-dialog');
    await dialog.getByRole('button', { name: 'Change password' }).click();

    await dialog.getByRole('heading', { name: 'Password changed' }).waitFor();
    const generated = await dialog.getByTestId('secret').inputValue();
    generatedPasswords.push(generated);
    expect(generated).toHaveLength(20);
    expect(generated).not.toBe(ALAN.password);
    await expectNoSeriousA11yViolations('set-password-shown-once');
    await expectNotDismissible(dialog);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectSnackbar('Password of Alan Turing changed.');
    await eventually(async () => expect(await focusedName()).toBe('Actions for Alan Turing'));

    await signOut();
    await signIn(ALAN.email, ALAN.password);
    expect(await page.getByTestId('login-error').innerText()).toBe('The email or password is not correct.');
    await signIn(ALAN.email, generated);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('account-name').innerText()).toBe('Alan Turing');
    expect(await page.getByTestId('account-role').innerText()).toBe('Moderator');
    await signOut();

    await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'User Management' }).first().click();
    await eventually(async () => expect(await tableNames()).toContain('Katherine Johnson'));
  });

  it('deactivates a user, who then cannot sign in', async () => {
    await openRowAction('Katherine Johnson', 'Deactivate');
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').innerText()).toBe('Deactivate Katherine Johnson?');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expectSnackbar('Katherine Johnson deactivated.');
    await eventually(async () => expect(await stat('inactive')).toBe('Inactive Users 2'));

    await signOut();
    await signIn(KATHERINE.email, katherinePassword);
    expect(await page.getByTestId('login-error').innerText()).toBe('This account is deactivated. Ask an admin to activate it.');
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('refuses to demote the last active admin and says why', async () => {
    await page.goto('/admin/users?search=first.admin');
    await eventually(async () => expect(await tableNames()).toEqual(['Admin User']));
    // Your own password is changed from the account menu (with the current one), not reset here.
    await page.getByRole('button', { name: 'Actions for Admin User' }).click();
    expect(await texts(page.getByRole('menuitem'))).toEqual(['Edit', 'You cannot deactivate or delete your own account']);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await openRowAction('Admin User', 'Edit');
    const dialog = page.getByRole('dialog', { name: /^Edit / });
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'User', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();

    const confirm = page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').innerText()).toBe('Remove your own admin role?');
    expect(await confirm.innerText()).toContain('You will lose admin rights');
    await confirm.getByRole('button', { name: 'Remove my admin role' }).click();
    expect(await dialog.getByTestId('dialog-error').innerText()).toBe(
      'At least one active admin must remain. Make another user an admin first, then try again.',
    );
    await screenshot(page, '06-last-admin');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('account-role').innerText()).toBe('Admin');
  });

  it('deletes a user after a confirmation naming them', async () => {
    await page.goto('/admin/users');
    await eventually(async () => expect(await tableNames()).toContain('Ada Lovelace'));
    await openRowAction('Ada Lovelace', 'Delete');
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').innerText()).toBe('Delete Ada Lovelace?');
    expect(await confirm.innerText()).toContain('Ada Lovelace (ada@e2e.test) will be deleted permanently');
    await expectNoSeriousA11yViolations('delete-confirm');
    await confirm.getByRole('button', { name: 'Delete user' }).click();
    await expectSnackbar('Ada Lovelace deleted.');
    await eventually(async () => expect(await stat('total')).toBe('Total Users 4'));
    expect(await tableNames()).not.toContain('Ada Lovelace');
  });

  it('shows the audit log with readable details and filters kept in the URL', async () => {
    await page.getByRole('link', { name: 'Audit Log' }).click();
    await page.getByRole('heading', { name: 'Audit Log' }).waitFor();
    const rows = page.locator('tr[data-testid="audit-row"]');
    await eventually(async () => expect(await rows.count()).toBeGreaterThan(10));
    const roleChange = rows.filter({ hasText: 'Role changed' }).first();
    expect(await roleChange.innerText()).toContain('role: user → moderator');
    expect(await roleChange.innerText()).toContain('alan@e2e.test');
    await expectNoSeriousA11yViolations('audit');
    await screenshot(page, '07-audit');

    await chooseOption('Action', 'User deleted (user.deleted)');
    await page.waitForURL(/action=user.deleted/);
    await eventually(async () => expect(await rows.count()).toBe(1));
    expect(await rows.first().innerText()).toContain('ada@e2e.test');
    await page.reload();
    await eventually(async () => expect(await rows.count()).toBe(1));
    expect(await page.getByRole('combobox', { name: 'Action' }).innerText()).toBe('User deleted (user.deleted)');

    // Actor: Grace signed in once; pick her through the autocomplete.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Actor').fill('grace');
    await page.getByRole('option', { name: /Grace Hopper/ }).click();
    await page.waitForURL(/actorId=/);
    await eventually(async () =>
      expect(await texts(rows.locator('td.mat-column-action'))).toEqual(expect.arrayContaining([expect.stringContaining('Signed in')])),
    );
    for (const actor of await texts(rows.locator('td.mat-column-actor'))) expect(actor).toContain('grace@e2e.test');

    // Dates: today holds events, a day long past none; both survive a reload.
    const today = new Date();
    const typed = `${today.getMonth() + 1}/${today.getDate()}/${today.getFullYear()}`;
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('From date').fill(typed);
    await page.getByLabel('To date').fill(typed);
    await page.getByLabel('To date').blur();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await eventually(async () => expect(await rows.count()).toBeGreaterThan(0));
    await page.goto('/admin/audit?from=2001-01-01&to=2001-01-02');
    await page.getByText('No events match these filters.').waitFor();
    expect(await page.getByLabel('From date').inputValue()).toBe('1/1/2001');
  });

  it('creates an access token (secret shown once) and revokes it', async () => {
    await page.getByRole('link', { name: 'Access Tokens' }).click();
    await page.getByRole('heading', { name: 'Access Tokens' }).waitFor();
    await page.getByText('No access tokens yet.').waitFor();
    await expectNoSeriousA11yViolations('tokens');

    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').waitFor();
    await expectNoSeriousA11yViolations('create-token-dialog');
    await dialog.getByLabel('Name').fill('CI deploy bot');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Admin', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Expires' }).click();
    await page.getByRole('option', { name: 'Never expires' }).click();
    expect(await dialog.getByTestId('never-expires-warning').innerText()).toContain('works until someone revokes it');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.getByRole('heading', { name: 'Token created' }).waitFor();
    const secret = await dialog.getByTestId('secret').inputValue();
    expect(secret).toMatch(/^iak_/);
    expect(await dialog.innerText()).toContain('it will not be shown again');
    await expectNoSeriousA11yViolations('token-shown-once');
    await expectNotDismissible(dialog);
    await screenshot(page, '08-token-created');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const row = page.locator('tr[data-testid="token-row"]', { hasText: 'CI deploy bot' });
    await row.waitFor();
    expect(await row.locator('td.mat-column-expiresAt').innerText()).toBe('Never');
    // The secret works as a bearer token with its role's permissions.
    expect((await api('/api/users/stats', { token: secret })).status).toBe(200);
    await screenshot(page, '09-tokens');

    await row.getByRole('button', { name: 'Revoke CI deploy bot' }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').innerText()).toBe('Revoke "CI deploy bot"?');
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await expectSnackbar('Token "CI deploy bot" revoked.');
    await page.getByText('No access tokens yet.').waitFor();
    expect((await api('/api/users/stats', { token: secret })).status).toBe(401);
  });

  it('changes the own password: wrong current, weak and mismatched are explained, then it works', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Change Password' }).click();
    const dialog = page.getByRole('dialog');
    await expectNoSeriousA11yViolations('change-password');
    const submit = () => dialog.getByRole('button', { name: 'Change password' }).click();

    await dialog.getByLabel('Current password').fill('this is not it, surely not');
    await dialog.getByLabel('New password', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await dialog.getByLabel('Confirm new password').fill(NEW_ADMIN_PASSWORD);
    await submit();
    await dialog.getByText('The current password is not correct.').waitFor();

    await dialog.getByLabel('Current password').fill(ADMIN.password);
    await dialog.getByLabel('New password', { exact: true }).fill('short');
    await dialog.getByLabel('Confirm new password').fill('short');
    await submit();
    await dialog.getByText('Password must be at least 15 characters long.').waitFor();

    await dialog.getByLabel('New password', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await dialog.getByLabel('Confirm new password').fill(`${NEW_ADMIN_PASSWORD}!`);
    await submit();
    await dialog.getByText('The two new passwords are not the same.').waitFor();

    await dialog.getByLabel('Confirm new password').fill(NEW_ADMIN_PASSWORD);
    await submit();
    await expectSnackbar('Password changed. Your other sessions were signed out.');
    // The app went on with the fresh token; the one from before the change is dead.
    await page.getByRole('link', { name: 'User Management' }).first().click();
    await eventually(async () => expect(await tableNames()).toHaveLength(4));
    expect((await api('/api/auth/me', { token: adminToken })).status).toBe(401);

    await signOut();
    await signIn(ADMIN.email, NEW_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await screenshot(page, '10-dashboard-admin');
  });

  it('follows a dark system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/admin/users');
    await eventually(async () => expect(await tableNames()).toHaveLength(4));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(150);
    await expectNoSeriousA11yViolations('users-dark');
    await screenshot(page, '11-users-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('adds a user with the keyboard alone, and focus returns to "Add user"', async () => {
    await page.goto('/admin/users');
    await eventually(async () => expect(await tableNames()).toHaveLength(4));
    // Tab from the top of the page to the "Add user" button.
    for (let i = 0; i < 20 && (await focusedName()) !== 'Add user'; i++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Add user');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Add user' }).waitFor();
    // The dialog moves focus to its first field once it has opened.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement === document.querySelector('mat-dialog-container input'))).toBe(true),
    );
    await page.keyboard.type(MARGARET.firstName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MARGARET.lastName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(MARGARET.email);
    await page.keyboard.press('Enter');

    await dialog.getByRole('heading', { name: 'User added' }).waitFor();
    const generated = await dialog.getByTestId('secret').inputValue();
    generatedPasswords.push(generated);
    expect(generated).toHaveLength(20);
    await eventually(async () => expect(await focusedName()).toBe('Done'));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await dialog.getByTestId('secret').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectSnackbar('Margaret Hamilton added.');
    await eventually(async () => expect(await focusedName()).toBe('Add user'));
    await eventually(async () => expect(await tableNames()).toContain('Margaret Hamilton'));
    expect(await stat('total')).toBe('Total Users 5');
  });

  it('reads a search total above 100 as an estimate, "of about N", and still pages on', async () => {
    // The admin's first token died with the password change: a new one for the setup.
    const login = await api<{ accessToken: string }>('/api/auth/login', {
      method: 'POST',
      body: { email: ADMIN.email, password: NEW_ADMIN_PASSWORD },
    });
    expect(login.status).toBe(200);
    for (let i = 0; i < 105; i++) {
      const created = await api('/api/users', {
        method: 'POST',
        token: login.body.accessToken,
        body: { firstName: 'Bulk', lastName: `Tester ${i}`, email: `bulk.tester${i}@example.com`, role: 'user', generatePassword: true },
      });
      expect(created.status).toBe(201);
    }
    await page.goto('/admin/users?search=bulk.tester');
    await eventually(async () => expect(await tableNames()).toHaveLength(20));
    // The stats cards stay exact (counters); a search past 100 matches is PostgreSQL's estimate.
    expect(await stat('total')).toBe('Total Users 110');
    const range = page.locator('.mat-mdc-paginator-range-label');
    expect(await range.innerText()).toMatch(/^1 – 20 of about [\d,]+$/);
    expect(Number((await range.innerText()).replace(/^.* of about /, '').replace(/,/g, ''))).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await eventually(async () => expect(await range.innerText()).toMatch(/^21 – 40 of about [\d,]+$/));
    await expectNoSeriousA11yViolations('user management, estimated total');
  });

  it('returns to sign-in when the session ends on the server', async () => {
    // Revoke the browser's token behind its back, then act: the 401 leads to sign-in and back.
    const token = await page.evaluate(() => localStorage.getItem('interakt-admin.token'));
    expect((await api('/api/auth/logout', { method: 'POST', token: token ?? '' })).status).toBe(204);
    await page.getByRole('link', { name: 'Audit Log' }).click();
    await page.waitForURL('**/login?returnUrl=%2Fadmin%2Faudit');
    await signIn(ADMIN.email, NEW_ADMIN_PASSWORD);
    await page.waitForURL('**/admin/audit');
  });

  it('left an API log of JSON lines, one per request with its id, and not one secret in it', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.trim());
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string }; res?: { statusCode?: number } });
    const requests = entries.filter((e) => e.req && e.res);
    expect(requests.length).toBeGreaterThan(50);
    expect(requests.filter((e) => !e.req?.id)).toEqual([]);
    const log = server.output();
    expect(generatedPasswords).toHaveLength(3);
    for (const secret of [ADMIN.password, NEW_ADMIN_PASSWORD, GRACE.password, ALAN.password, ADA.password, ...generatedPasswords]) {
      expect(log).not.toContain(secret);
    }
    // No bcrypt hash, access token secret or login JWT.
    expect(log).not.toMatch(/\$2[aby]\$\d\d\$|iak_[0-9A-Za-z]{49}|eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});
