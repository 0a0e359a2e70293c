import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { assignRequestId, logRequests, logsRequests } from './common/logging';
import { noStoreForApi, securityHeaders } from './common/security-headers';

/** Builds the configured Nest application (not yet listening): shared by main.ts and the tests. */
export async function createApp(options: AppModuleOptions & { bufferLogs?: boolean }): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: options.bufferLogs ?? true,
    // Throw start errors to main.ts (which prints one line) instead of aborting the process.
    abortOnError: false,
    cors: options.config.corsOrigins.length ? { origin: options.config.corsOrigins, credentials: false } : false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  // API answers are no-store (noStoreForApi), so an ETag (a SHA-1 of every JSON body) buys nothing.
  app.set('etag', false);
  app.use(assignRequestId);
  if (logsRequests(options.config)) app.use(logRequests(PinoLogger.root));
  app.use(securityHeaders(), noStoreForApi);
  const openApi = new DocumentBuilder()
    .setTitle('Interakt Admin API')
    .setDescription('User management of the Interakt platform. Errors: {statusCode, error, code, message}.')
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A login token (POST /api/auth/login) or an application access token (iak_…, POST /api/access-tokens)',
    })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
