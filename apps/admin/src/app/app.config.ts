import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, TitleStrategy } from '@angular/router';
import { provideSession } from '@interakt/admin/auth/data-access';
import { provideAdminIcons } from '@interakt/admin/shared/ui';
import { AppTitleStrategy } from './app-title-strategy';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideSession(),
    provideAdminIcons(),
    provideRouter(appRoutes),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
  ],
};
