import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@interakt/shared/api-contracts';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator';
import type { Response } from 'express';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
  ) {}

  /** 200 `{status:"ok", db:"up"}` when the database answers within 1.5 s, else 503. */
  @Get()
  @ApiOkResponse({ description: '{"status":"ok","db":"up"}' })
  @ApiServiceUnavailableResponse({ description: '{"status":"error","db":"down"}' })
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    try {
      await this.health.check([() => this.db.pingCheck('db', { timeout: 1500 })]);
      return { status: 'ok', db: 'up' };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', db: 'down' };
    }
  }
}
