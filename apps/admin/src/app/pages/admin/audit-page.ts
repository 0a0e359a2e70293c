import { Component } from '@angular/core';

/** Placeholder: the audit log with its filters comes in a later change (SPEC §5). */
@Component({
  selector: 'adm-audit-page',
  template: `
    <h1>Audit Log</h1>
    <p>This screen is not built yet.</p>
  `,
})
export class AuditPage {}
