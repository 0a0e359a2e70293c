import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PasswordHasher } from '../auth/passwords/password-hasher.service';
import { PasswordPolicy } from '../auth/passwords/password-policy.service';
import { LastAdminGuardService } from './last-admin-guard.service';
import { UserSchema } from './user.entity';
import { UsersController } from './users.controller';
import { UsersQueryService } from './users-query.service';
import { UsersService } from './users.service';

@Module({
  imports: [MikroOrmModule.forFeature([UserSchema]), AuditModule],
  controllers: [UsersController],
  providers: [PasswordHasher, PasswordPolicy, LastAdminGuardService, UsersService, UsersQueryService],
  exports: [MikroOrmModule, AuditModule, PasswordHasher, PasswordPolicy, UsersService, LastAdminGuardService],
})
export class UsersModule {}
