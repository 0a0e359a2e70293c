import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';

describe('App', () => {
  it('renders the routed screen in its outlet', async () => {
    TestBed.configureTestingModule({ providers: appConfig.providers });
    const fixture = TestBed.createComponent(App);

    await TestBed.inject(Router).navigateByUrl('/admin/users');
    await fixture.whenStable();

    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.querySelector('adm-shell mat-toolbar')?.textContent).toContain('Interakt Admin');
    expect(sut.querySelector('adm-users-page h1')?.textContent?.trim()).toBe('User Management');
  });
});
