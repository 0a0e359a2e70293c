import { Component } from '@angular/core';

/** Placeholder: the dashboard content is not built yet. */
@Component({
  selector: 'adm-dashboard-page',
  template: `
    <h1>Dashboard</h1>
    <p>Welcome to Interakt Admin.</p>
  `,
})
export class DashboardPage {}
