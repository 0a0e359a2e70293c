import { Component } from '@angular/core';

/** Placeholder: the user table, filters and dialogs come in later changes (SPEC §5). */
@Component({
  selector: 'adm-users-page',
  template: `
    <h1>User Management</h1>
    <p>This screen is not built yet.</p>
  `,
})
export class UsersPage {}
