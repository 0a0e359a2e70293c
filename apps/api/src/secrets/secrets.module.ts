import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { resolveEncryptionKey } from './encryption-key';
import { SecretBox } from './secret-box';

/** The one {@link SecretBox} of the process, with its key resolved (and the dev-key warning given) once at start. */
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { key, file, created } = resolveEncryptionKey(config);
        if (file) {
          new Logger('Secrets').warn(
            `ENCRYPTION_KEY is not set: provider API keys are encrypted with a development key ${created ? 'created now in' : 'kept in'} ${file}; set ENCRYPTION_KEY in production`,
          );
        }
        return new SecretBox(key);
      },
    },
  ],
  exports: [SecretBox],
})
export class SecretsModule {}
