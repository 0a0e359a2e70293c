import { Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'adm-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address.</p>
    <a mat-stroked-button routerLink="/">Go to the dashboard</a>
  `,
})
export class NotFoundPage {}
