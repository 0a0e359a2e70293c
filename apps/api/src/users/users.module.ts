import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/passwords/password-hasher.service';
import { FirstAdminService } from './first-admin.service';
import { UserSchema } from './user.entity';

@Module({
  imports: [MikroOrmModule.forFeature([UserSchema])],
  providers: [PasswordHasher, FirstAdminService],
  exports: [MikroOrmModule, PasswordHasher],
})
export class UsersModule {}
