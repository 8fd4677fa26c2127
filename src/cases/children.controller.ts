import { Body, Controller, Get, Inject, Patch, Post, Res, UploadedFile } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { Upload } from '../common/http/upload.decorator.js';
import { sendFile } from '../common/http/file-reply.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { MAX_PHOTO_BYTES } from '../storage/accept-upload.js';
import { ChildrenService } from './children.service.js';
import { PhotoUploadDto, UpdateChildDto } from './dto/cases.dto.js';
import { PhotosService } from './photos.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ApiFileResponse } from '../common/openapi/api-file.decorator.js';
import { ChildDto, PhotoDto } from './dto/cases-responses.dto.js';

@ApiTags('cases')
@Controller()
export class ChildrenController {
  constructor(
    @Inject(ChildrenService) private readonly children: ChildrenService,
    @Inject(PhotosService) private readonly photos: PhotosService,
  ) {}

  @Get('children/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'A child with the current placement and the latest photo' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ChildDto })
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<ChildDto> {
    return this.children.get(actor, id);
  }

  @Patch('children/:id')
  @Access('ADMIN', 'JUDGE', 'CLERK', 'AGENCY')
  @ApiOperation({ summary: "Correct a child's details" })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: ChildDto })
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateChildDto): Promise<ChildDto> {
    return this.children.update(actor, id, dto);
  }

  @Post('children/:id/photos')
  @Access('AGENCY', 'CLERK')
  @Upload('file', MAX_PHOTO_BYTES)
  @ApiBody({ type: PhotoUploadDto })
  @ApiOperation({ summary: 'Upload a photo of the child (location and other metadata removed)' })
  @ApiProblems(400, 404, 413, 415)
  @ApiCreatedResponse({ type: PhotoDto })
  uploadPhoto(
    @CurrentActor() actor: Actor,
    @UuidParam() id: string,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Body() dto: PhotoUploadDto,
  ): Promise<PhotoDto> {
    return this.photos.upload(actor, id, file, dto.takenAt);
  }

  @Get('photos/:id')
  @Access('ANY')
  @ApiOperation({ summary: 'A photo of a child, as stored' })
  @ApiProblems(400, 404)
  @ApiFileResponse('The image as stored (JPEG or PNG)', 'image/jpeg', 'image/png')
  async photo(@CurrentActor() actor: Actor, @UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const { photo, bytes } = await this.photos.read(actor, id);
    await sendFile(reply, {
      contentType: photo.contentType,
      body: bytes,
      byteSize: photo.byteSize,
      filename: `photo-${photo.id}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}`,
    });
  }
}
