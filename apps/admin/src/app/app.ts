import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** Root component: everything visible comes from the routes (see app.routes.ts). */
@Component({
  selector: 'adm-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class App {}
