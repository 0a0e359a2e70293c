import { Module } from '@nestjs/common';
import { FirstAdminService } from './first-admin.service';
import { UsersModule } from './users.module';

/**
 * The API's first-start bootstrap (SPEC §6), apart from UsersModule so that other users of the
 * module (the recovery CLI) never create an admin by merely starting.
 */
@Module({
  imports: [UsersModule],
  providers: [FirstAdminService],
})
export class FirstAdminModule {}
