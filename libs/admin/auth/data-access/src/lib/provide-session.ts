import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { apiErrorInterceptor, authInterceptor } from './interceptors';
import { SessionStore } from './session.store';

/** HttpClient with the auth and error interceptors, and the session restored before the first route. */
export function provideSession(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withInterceptors([authInterceptor, apiErrorInterceptor])),
    provideAppInitializer(() => inject(SessionStore).restore()),
  ]);
}
