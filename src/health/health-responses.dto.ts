import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, type SchemaObject } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** One dependency's state as @nestjs/terminus reports it (`status`, and what the indicator adds, such as `message`). */
const INDICATORS: SchemaObject = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
    required: ['status'],
    additionalProperties: true,
  },
};

/** @nestjs/terminus's answer: each dependency (`database`, `redis`) with its state. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: string;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The dependencies that answer' } as ApiPropertyOptions)
  info?: Record<string, unknown>;

  @ApiPropertyOptional({ ...INDICATORS, description: 'The dependencies that do not' } as ApiPropertyOptions)
  error?: Record<string, unknown>;

  @ApiProperty({ ...INDICATORS, description: 'Every dependency' } as ApiPropertyOptions)
  details: Record<string, unknown>;
}
