import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RenderPromptResponse } from '@interakt/shared/api-contracts';
import { Authenticated } from '../auth/decorators/authenticated.decorator';
import { ApiErrorResponse } from '../common/openapi';
import { RenderPromptDto, RenderPromptResponseDto } from './dto/render-prompt.dto';
import { renderPrompt } from './prompt-template';

/**
 * The playground (SPEC §2 `playground.use`, every role): for now the step before a provider call —
 * a prompt template rendered with the values typed in. Nothing is stored, so nothing is audited.
 */
@ApiTags('playground')
@Controller('playground')
export class PlaygroundController {
  @Post('render')
  @HttpCode(HttpStatus.OK)
  @Authenticated({
    permission: 'playground.use',
    summary: 'Render a prompt template: fill its {{name}} placeholders with the values given',
  })
  @ApiOkResponse({ type: RenderPromptResponseDto })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'VALIDATION_FAILED: no template, too long, or malformed variables' })
  render(@Body() body: RenderPromptDto): RenderPromptResponse {
    return renderPrompt(body.template, body.variables);
  }
}
