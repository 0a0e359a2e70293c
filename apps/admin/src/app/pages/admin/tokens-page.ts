import { Component } from '@angular/core';

/** Placeholder: creating, listing and revoking tokens comes in a later change (SPEC §5). */
@Component({
  selector: 'adm-tokens-page',
  template: `
    <h1>Access Tokens</h1>
    <p>This screen is not built yet.</p>
  `,
})
export class TokensPage {}
