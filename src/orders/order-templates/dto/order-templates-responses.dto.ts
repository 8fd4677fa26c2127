import { ApiProperty } from '@nestjs/swagger';
import { EnumProperty, InstantProperty, UuidProperty } from '../../../common/openapi/properties.js';
import { TEMPLATE_KINDS, type TemplateKind } from '../../rendering/template-data.js';
import type { OrderTemplateDetail, OrderTemplateView } from '../order-templates.repository.js';

export class OrderTemplateDto implements OrderTemplateView {
  @UuidProperty()
  id: string;

  @ApiProperty({ example: 'individual-order' })
  key: string;

  @EnumProperty(TEMPLATE_KINDS, 'TemplateKind')
  kind: TemplateKind;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty()
  title: string;

  @UuidProperty({ nullable: true, description: "null: shipped with the service; else the court's own version" })
  courtId: string | null;

  @ApiProperty({ description: 'SHA-256 of the template body, hex' })
  sha256: string;

  @InstantProperty()
  createdAt: Date;
}

export class ListedOrderTemplateDto extends OrderTemplateDto {
  @ApiProperty({ description: 'The version new orders use (for the court asked about)' })
  current: boolean;
}

export class OrderTemplateDetailDto extends OrderTemplateDto implements OrderTemplateDetail {
  @ApiProperty({ description: 'Handlebars over Markdown, with front matter' })
  body: string;
}
