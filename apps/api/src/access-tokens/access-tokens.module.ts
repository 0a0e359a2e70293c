import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccessTokenSchema } from './access-token.entity';
import { AccessTokensController } from './access-tokens.controller';
import { AccessTokensService } from './access-tokens.service';

/** Application access tokens; AuthModule's guard uses the service to authenticate them. */
@Module({
  imports: [MikroOrmModule.forFeature([AccessTokenSchema]), AuditModule],
  controllers: [AccessTokensController],
  providers: [AccessTokensService],
  exports: [AccessTokensService],
})
export class AccessTokensModule {}
