import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecoveryCodesDto, TotpEnrolmentDto } from '../dto/auth-responses.dto.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { Access, DuringMfaEnrolment } from '../access.decorator.js';
import { CurrentActor } from '../current-actor.decorator.js';
import { TotpConfirmDto } from '../dto/auth.dto.js';
import type { Actor } from '../principal.js';
import { MfaService } from './mfa.service.js';

@ApiTags('auth')
@Controller('auth/mfa')
@DuringMfaEnrolment()
export class MfaController {
  constructor(@Inject(MfaService) private readonly mfa: MfaService) {}

  /** Starts TOTP enrolment: the secret and its `otpauth://` URL (for a QR code). Nothing changes until confirmed. */
  @Post('totp')
  @HttpCode(200)
  @Access('ADMIN', 'JUDGE', 'CLERK', 'AGENCY')
  @ApiOperation({ summary: 'Start TOTP enrolment: the secret and its otpauth:// URL' })
  @ApiProblems([409, 'TOTP is already on'])
  @ApiOkResponse({ type: TotpEnrolmentDto })
  start(@CurrentActor() actor: Actor): Promise<TotpEnrolmentDto> {
    return this.mfa.startEnrolment(actor);
  }

  /** TOTP is on from now; the ten recovery codes are in this answer only. */
  @Post('totp/confirm')
  @HttpCode(200)
  @Access('ADMIN', 'JUDGE', 'CLERK', 'AGENCY')
  @ApiOperation({ summary: 'Confirm TOTP with a code: on from now, with ten one-time recovery codes' })
  @ApiProblems(400, [401, '`MfaInvalid`: the code is wrong'], [409, 'Enrolment not started, or TOTP already on'])
  @ApiOkResponse({ type: RecoveryCodesDto })
  confirm(@CurrentActor() actor: Actor, @Body() dto: TotpConfirmDto): Promise<RecoveryCodesDto> {
    return this.mfa.confirm(actor, dto.code);
  }
}
