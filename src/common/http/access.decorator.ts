import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiProblems } from '../openapi/api-problems.decorator.js';
import { API_KEY, BEARER, SESSION } from '../openapi/openapi-document.js';
import type { Role } from '../principal.js';

export const ACCESS_METADATA = 'cmfc:access';
export const MFA_ENROLMENT_METADATA = 'cmfc:mfa-enrolment';

/** Who may call a route: nobody logged in needed, anyone logged in, or these roles. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/**
 * The one declaration of who may call a route. It feeds the global AuthGuard
 * and the OpenAPI document; a route without it is refused (deny by default,
 * and a test fails when one is missing). In the document, a public route gets
 * `security: []`; any other gets the bearer and API-key schemes and its 401/403 problems.
 *
 *   @Access('PUBLIC')          no login
 *   @Access('ANY')             any logged-in caller; scope is applied in the query
 *   @Access('ADMIN', 'CLERK')  these roles; others get 403 before anything is read
 */
export function Access(...who: ['PUBLIC'] | ['ANY'] | Role[]): MethodDecorator & ClassDecorator {
  const rule: AccessRule =
    who[0] === 'PUBLIC' ? { kind: 'public' } : who[0] === 'ANY' ? { kind: 'authenticated' } : { kind: 'roles', roles: who as Role[] };
  if (rule.kind === 'public') {
    return applyDecorators(SetMetadata(ACCESS_METADATA, rule), ApiExtension('x-access', 'public'));
  }
  const roles = rule.kind === 'roles' ? rule.roles.join(', ') : 'any authenticated caller';
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, rule),
    ApiBearerAuth(BEARER),
    ApiSecurity(API_KEY),
    ApiCookieAuth(SESSION),
    ApiExtension('x-access', roles),
    ApiProblems(401, [403, rule.kind === 'roles' ? `Only: ${roles}` : 'Not allowed for this caller']),
  );
}

/**
 * A route a person may call before enrolling the second factor their role requires (`/auth/me`,
 * `/auth/mfa/*`, `/auth/session`, `/auth/logout`); every other route answers 403
 * `MfaEnrolmentRequired` until they have.
 */
export const DuringMfaEnrolment = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(MFA_ENROLMENT_METADATA, true), ApiExtension('x-during-mfa-enrolment', true));
