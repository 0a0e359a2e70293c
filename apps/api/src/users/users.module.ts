import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { UserSchema } from './user.entity';

@Module({
  imports: [MikroOrmModule.forFeature([UserSchema])],
  exports: [MikroOrmModule],
})
export class UsersModule {}
