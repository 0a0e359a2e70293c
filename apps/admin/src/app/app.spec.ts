import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SessionStore } from '@interakt/admin/auth/data-access';
import { App } from './app';
import { appConfig } from './app.config';
import { sessionStub } from './testing/session-stub';

describe('App', () => {
  it('renders the routed screen in its outlet', async () => {
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting(), { provide: SessionStore, useValue: sessionStub('user') }],
    });
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.querySelector('adm-shell mat-toolbar')?.textContent).toContain('Interakt Admin');
    expect(sut.querySelector('adm-dashboard-page h1')?.textContent?.trim()).toBe('Dashboard');
    expect(sut.querySelector('adm-dashboard-page')?.textContent).toContain('Welcome, Ada Lovelace. You are signed in as User.');
  });
});
