import { Component } from '@angular/core';

/** Placeholder: the sign-in form comes with the authentication work. */
@Component({
  selector: 'adm-login-page',
  template: `
    <main class="login">
      <h1>Sign in</h1>
      <p>Sign-in is not available yet.</p>
    </main>
  `,
  styles: `
    .login {
      max-width: 360px;
      margin: 64px auto;
      padding: 0 16px;
    }
  `,
})
export class LoginPage {}
