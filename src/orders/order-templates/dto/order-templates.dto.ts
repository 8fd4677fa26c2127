import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalUuid } from '../../../common/validation/validators.js';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/pagination.js';
import { TEMPLATE_KINDS, type TemplateKind } from '../../rendering/template-data.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrderTemplateDto {
  @ApiProperty({ description: 'The court this version is for' })
  @IsUUID()
  courtId: string;

  @ApiProperty({ enum: TEMPLATE_KINDS })
  @IsIn(TEMPLATE_KINDS)
  kind: TemplateKind;

  @ApiProperty({ example: 'Order Regarding a Child Missing from Care' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    description: 'Handlebars producing Markdown, without front matter; only the variables of its kind (see templates/)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  body: string;
}

export class ListOrderTemplatesQuery extends PageQuery {
  @OptionalUuid()
  courtId?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_KINDS })
  @IsOptional()
  @IsIn(TEMPLATE_KINDS)
  kind?: TemplateKind;
}
