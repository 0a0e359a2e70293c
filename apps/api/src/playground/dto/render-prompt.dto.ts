import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import type { RenderPromptRequest, RenderPromptResponse } from '@interakt/shared/api-contracts';
import { IsOmittable } from '../../common/validators';
import { PLACEHOLDER_NAME } from '../prompt-template';

export const MAX_TEMPLATE_LENGTH = 20_000;
export const MAX_VARIABLES = 100;
export const MAX_VARIABLE_LENGTH = 10_000;

/** At most MAX_VARIABLES entries, each a placeholder name with a string of at most MAX_VARIABLE_LENGTH. */
function IsPromptVariables(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPromptVariables',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_VARIABLES &&
            entries.every(([name, text]) => PLACEHOLDER_NAME.test(name) && typeof text === 'string' && text.length <= MAX_VARIABLE_LENGTH)
          );
        },
        defaultMessage: () =>
          `variables must map at most ${MAX_VARIABLES} placeholder names (a letter or _, then letters, digits, _ . -) to strings of at most ${MAX_VARIABLE_LENGTH} characters`,
      },
    },
    options,
  );
}

// Checks run bottom-up and stop at the first error: the type check comes last so it runs first.

export class RenderPromptDto implements RenderPromptRequest {
  @ApiProperty({ example: 'Summarise {{topic}} for {{audience}} in three sentences.', maxLength: MAX_TEMPLATE_LENGTH })
  @MaxLength(MAX_TEMPLATE_LENGTH)
  @IsNotEmpty()
  @IsString()
  template!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_VARIABLE_LENGTH },
    example: { topic: 'the analytical engine', audience: 'new engineers' },
  })
  @IsOmittable()
  @IsPromptVariables()
  @IsObject()
  variables?: Record<string, string>;
}

export class RenderPromptResponseDto implements RenderPromptResponse {
  @ApiProperty({ example: 'Summarise the analytical engine for new engineers in three sentences.' }) prompt!: string;
  @ApiProperty({ type: [String], example: ['topic', 'audience'] }) placeholders!: string[];
  @ApiProperty({ type: [String], description: 'Placeholders without a value, left as written', example: [] }) missing!: string[];
}
