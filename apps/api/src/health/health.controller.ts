import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@interakt/shared/api-contracts';
import type { Response } from 'express';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
  ) {}

  /** 200 `{status:"ok", db:"up"}` when the database answers within 1.5 s, else 503. */
  @Get()
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
