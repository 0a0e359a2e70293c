import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ResetDemoResponse } from '@interakt/shared/api-contracts';
import type { AuditContext } from '../audit/audit-context';
import { Caller } from '../audit/caller.decorator';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ResetDemoResponseDto } from './dto/reset-demo.response';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Post('reset-demo')
  @HttpCode(HttpStatus.OK)
  @Authenticated({
    permission: 'setup.reset',
    summary: 'Replace all experiences and providers with the demo set (users and the audit log stay)',
  })
  @ApiOkResponse({ type: ResetDemoResponseDto })
  resetDemo(@Caller() ctx: AuditContext): Promise<ResetDemoResponse> {
    return this.setup.resetDemo(ctx);
  }
}
